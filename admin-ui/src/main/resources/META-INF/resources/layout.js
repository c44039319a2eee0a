// The frame every signed-in screen shares: a skip link, the bar (Corridor, the navigation to the screens
// the person's roles open, the page's own tools, who is signed in, sign out) and the guard that sends a
// signed-out person to the sign-in page. A page writes <header class="bar"></header> (with its own tools
// inside, if any), an alert region #error in its <main id="main">, and calls openScreen.
import { byId, el, showError, signOut, useTimeZone, whoAmI } from '/corridor.js';

/**
 * Every screen, in the order of the navigation. `roles`: who sees it. A new screen is added here and
 * nowhere else; the server sends each role after sign-in to the first of its screens (LandingPages).
 */
export const SCREENS = [
  { roles: ['ADMIN'], href: '/admin.html', label: 'Administration' },
  { roles: ['ADMIN'], href: '/admin-rules.html', label: 'Rule sets' },
  { roles: ['ADMIN'], href: '/admin-accommodations.html', label: 'Accommodations' },
  { roles: ['ADMIN'], href: '/admin-no-contact.html', label: 'No-contact' },
  { roles: ['ADMIN'], href: '/admin-roster.html', label: 'Roster' },
  { roles: ['ADMIN'], href: '/admin-kiosks.html', label: 'Kiosks' },
  { roles: ['ADMIN'], href: '/admin-emergency.html', label: 'Emergency' },
  { roles: ['ADMIN', 'AUDITOR'], href: '/admin-reports.html', label: 'Reports', group: 'Reports' },
  { roles: ['TEACHER'], href: '/teacher.html', label: 'My class' },
  { roles: ['STUDENT'], href: '/student.html', label: 'My pass' },
  { roles: ['AUDITOR'], href: '/auditor.html', label: 'Auditor' },
  { roles: ['ADMIN', 'AUDITOR'], href: '/swagger-ui.html', label: 'API explorer' },
];

/** The screens a person's roles open. */
export function screensFor(me) {
  return SCREENS.filter(s => s.roles.some(r => me?.roles?.includes(r)));
}

/**
 * Opens a screen meant for `role` (or any of several roles): sends someone not signed in to the sign-in
 * page, draws the bar and the navigation, and tells a person of another role that this screen is not
 * theirs, in the page's alert region #error. Resolves to the person (GET /api/me), or null when the page
 * must not go on.
 */
export async function openScreen({ role, people }) {
  const error = byId('error');
  let me;
  try {
    me = await whoAmI();
  } catch (e) {
    drawBar(null);
    showError(error, e);
    return null;
  }
  if (!me) {
    location.href = '/login';
    return null;
  }
  useTimeZone(me.timeZone);
  drawBar(me);
  const roles = [role].flat();
  if (!roles.some(r => me.roles?.includes(r))) {
    showError(error, new Error(`This screen is for ${people}; ${me.name ?? 'this account'} is not one.`));
    const home = screensFor(me)[0];
    if (home) {
      error.append(' ', el('a', { href: home.href }, `Go to ${home.label}`));
    }
    return null;
  }
  return me;
}

/**
 * Fills the page's <header class="bar">: what the page put there stays, between the navigation and the
 * person's name. `me` null draws only the name of the service (the start page before sign-in).
 */
export function drawBar(me) {
  const bar = document.querySelector('header.bar');
  if (!document.querySelector('a.skip')) {
    document.body.prepend(el('a', { class: 'skip', href: '#main' }, 'Skip to content'));
  }
  const tools = [...bar.children].filter(c => !c.matches('[data-layout]'));
  const brand = el('a', { class: 'brand', href: '/', 'data-layout': true }, 'Corridor');
  if (!me) {
    bar.replaceChildren(brand, ...tools);
    return;
  }
  const here = location.pathname;
  const nav = el('nav', { 'aria-label': 'Screens', 'data-layout': true },
    el('ul', {}, screensFor(me).map(s => el('li', {},
      el('a', { href: s.href, 'aria-current': s.href === here ? 'page' : null }, s.label)))));
  const who = el('p', { class: 'who', id: 'who', 'data-layout': true },
    el('span', { class: 'visually-hidden' }, 'Signed in as '), me.name ?? me.kiosk?.name ?? '');
  const out = el('button', { type: 'button', id: 'sign-out', 'data-layout': true }, 'Sign out');
  out.addEventListener('click', () => signOut().catch(e => showError(byId('error'), e)));
  bar.replaceChildren(brand, nav, ...tools, who, out);
}
