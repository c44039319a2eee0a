// The start page: before sign-in, the way to the sign-in page; after it, the screens the person's roles open.
import { byId as $, el, showError, whoAmI } from '/corridor.js';
import { drawBar, screensFor } from '/layout.js';

async function start() {
  let me;
  try {
    me = await whoAmI();
  } catch (e) {
    drawBar(null);
    showError($('error'), e);
    return;
  }
  drawBar(me);
  if (!me) {
    $('signed-out').hidden = false;
    return;
  }
  $('signed-in').hidden = false;
  $('name').textContent = me.name ?? me.kiosk?.name ?? me.email;
  $('roles').textContent = (me.roles || []).join(', ').toLowerCase();
  const screens = screensFor(me);
  $('screens').replaceChildren(...screens.map(s => el('li', {}, el('a', { href: s.href }, s.label))));
  if (!screens.length) {
    $('screens').replaceChildren(el('li', { class: 'notice' }, 'Your role has no screen; use the API explorer below.'));
  }
}

start();
