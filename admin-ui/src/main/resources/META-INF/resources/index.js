// The start page: who is signed in, the screens their roles open, sign out.
import { api, el, showError, signOut, whoAmI } from '/corridor.js';

const $ = id => document.getElementById(id);

const SCREENS = [
  { role: 'TEACHER', href: '/teacher.html', label: 'Teacher screen' },
  { role: 'STUDENT', href: '/student.html', label: 'Student screen' },
];

async function start() {
  let me;
  try {
    me = await whoAmI();
  } catch (e) {
    showError($('error'), e);
    return;
  }
  if (!me) {
    await showSignInOptions();
    return;
  }
  $('signed-out').hidden = true;
  $('signed-in').hidden = false;
  $('account-title').textContent = 'Your account';
  $('name').textContent = me.name ?? me.kiosk?.name ?? me.email;
  $('roles').textContent = (me.roles || []).join(', ').toLowerCase();
  const screens = SCREENS.filter(s => me.roles?.includes(s.role));
  $('screens').replaceChildren(...screens.map(s => el('li', {}, el('a', { href: s.href }, s.label))));
  if (!screens.length) {
    $('screens').replaceChildren(el('li', { class: 'notice' }, 'Your role has no screen yet; use the API explorer below.'));
  }
}

/** "Sign in with Google" and the like; the demo's password hint only where password sign-in exists. */
async function showSignInOptions() {
  let options;
  try {
    options = await api('/api/sign-in-options');
  } catch (e) {
    showError($('error'), e);
    return;
  }
  $('providers').replaceChildren(...options.providers.map(p => el('li', {}, el('a', { href: p.href }, `Sign in with ${p.name}`))));
  $('demo-sign-in').hidden = !options.password;
}

$('sign-out').addEventListener('click', () => signOut().catch(e => showError($('error'), e)));

start();
