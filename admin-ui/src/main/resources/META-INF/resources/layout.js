// The frame every signed-in screen shares: a skip link, the bar (Corridor, the navigation to the screens
// the person's roles open, the page's own tools, who is signed in, sign out) and the guard that sends a
// signed-out person to the sign-in page. A page writes <header class="bar"></header> (with its own tools
// inside, if any), an alert region #error in its <main id="main">, and calls openScreen.
import { actAsChoice, byId, el, showError, signOut, stopActingAs, useActAs, useTimeZone, whoAmI } from '/corridor.js';

/**
 * Every screen, in the order of the navigation. `roles`: who sees it. A new screen is added here and
 * nowhere else; the server sends each role after sign-in to the first of its screens (LandingPages).
 * `group`: one of GROUPS, for the administrator's screens; the bar shows each group as a menu button
 * with its screens, and the console's home (admin.html) lists them under the group's heading with `about`.
 * A screen without a group is a link of its own in the bar.
 */
export const SCREENS = [
  { roles: ['ADMIN'], href: '/admin.html', label: 'Administration' },
  { roles: ['ADMIN'], href: '/admin-requests.html', label: 'Escalated requests', group: 'Today',
    about: 'Requests no teacher answered in time, sent to the administrators: approve, deny or cancel them, live.' },
  { roles: ['ADMIN'], href: '/admin-diagnostics.html', label: 'Routing diagnostics', group: 'Today',
    about: 'Why a teacher did or did not receive a student\'s request: the verdict, every reason, recent requests.' },
  { roles: ['ADMIN'], href: '/admin-emergency.html', label: 'Emergency', group: 'Today',
    about: 'Lockdown or evacuation: end every pass of a school at once, print who was out and where, clear it.' },
  // teachers reach it from the notification centre: a link in their one-row bar would not fit a phone
  { roles: ['ADMIN'], href: '/notification-preferences.html', label: 'Email notifications', group: 'Today',
    about: 'Which notices Corridor emails you: escalated requests, passes ended by the time limit, emergencies.' },
  { roles: ['ADMIN'], href: '/admin-setup.html', label: 'School setup', group: 'School',
    about: 'Destinations and rooms (capacity, open, auto passes, staffed by), the school\'s times and limits, the bell schedule.' },
  { roles: ['ADMIN'], href: '/admin-roster.html', label: 'Roster', group: 'School',
    about: 'Upload a OneRoster file, read its report, see earlier imports, and fix classes that cannot route.' },
  { roles: ['ADMIN'], href: '/admin-kiosks.html', label: 'Kiosks', group: 'School',
    about: 'Shared devices in a room where students type their number: issue one, see its last use, revoke it.' },
  { roles: ['ADMIN'], href: '/admin-rules.html', label: 'Rule sets', group: 'Policy',
    about: 'The district\'s policy: drafts, validation, comparison, dry runs, activation and roll-back.' },
  { roles: ['ADMIN'], href: '/admin-accommodations.html', label: 'Accommodations', group: 'Policy',
    about: 'Private exemptions of a student from named rules, for a period. Teachers never see them.' },
  { roles: ['ADMIN'], href: '/admin-no-contact.html', label: 'No-contact', group: 'Policy',
    about: 'Students who must not be in the halls at the same time: pairs, CSV import, history.' },
  { roles: ['ADMIN'], href: '/admin-coverage.html', label: 'Covered classes', group: 'School',
    about: 'A covering teacher for a class for some days, and seeing a teacher\'s screens as they see them.' },
  { roles: ['ADMIN', 'AUDITOR'], href: '/admin-reports.html', label: 'Reports', group: 'Reports',
    about: 'A school\'s passes by day, hour, destination, teacher, grade, student and rule, with charts and CSV; retention.' },
  { roles: ['TEACHER'], href: '/teacher.html', label: 'My class' },
  { roles: ['STUDENT'], href: '/student.html', label: 'My pass' },
  { roles: ['AUDITOR'], href: '/auditor.html', label: 'Search passes' },
  { roles: ['AUDITOR'], href: '/auditor-reads.html', label: 'Reads log' },
  { roles: ['ADMIN', 'AUDITOR'], href: '/swagger-ui.html', label: 'API explorer' },
];

/** The groups of the administrator's screens, in the bar's order: what each is for. */
export const GROUPS = [
  { name: 'Today', about: 'The school day as it happens: requests, emergencies, why a request went where.' },
  { name: 'School', about: 'How the school is set up: places, times, roster, devices, who covers whom.' },
  { name: 'Policy', about: 'The rules every request is checked against, and the exceptions to them.' },
  { name: 'Reports', about: 'What happened over days and weeks.' },
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
  // an administrator covering a class sees a teacher's screens (corridor.js actAsChoice); only teachers' screens act as
  const actAs = [role].flat().includes('TEACHER') ? actAsChoice() : null;
  useActAs(actAs);
  let me;
  try {
    me = await whoAmI();
  } catch (e) {
    drawBar(null);
    showError(error, e);
    if (actAs) {
      stopActingAs();
      error.append(' ', el('a', { href: '/admin-coverage.html' }, 'Back to your own screens'));
    }
    return null;
  }
  if (!me) {
    location.href = '/login';
    return null;
  }
  useTimeZone(me.timeZone);
  drawBar(me);
  drawActingAs(me);
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
  const screens = screensFor(me);
  const nav = el('nav', { 'aria-label': 'Screens', 'data-layout': true }, navigation(screens));
  const who = el('p', { class: 'who', id: 'who', 'data-layout': true },
    el('span', { class: 'visually-hidden' }, 'Signed in as '), me.name ?? me.kiosk?.name ?? '');
  const out = el('button', { type: 'button', id: 'sign-out', 'data-layout': true }, 'Sign out');
  out.addEventListener('click', () => signOut().catch(e => showError(byId('error'), e)));
  if (screens.length < 2) {
    // one screen: its link and the name fit a phone's second row, a menu would only hide them
    bar.replaceChildren(brand, nav, ...tools, who, out);
    return;
  }
  bar.replaceChildren(brand, ...barMenu(nav, who), ...tools, out);
}

/**
 * The navigation and the person's name behind one Menu button (a disclosure: aria-expanded, Escape closes
 * it and gives the focus back, leaving it closes it). Only a phone's width shows the button (corridor.css):
 * wider, the menu's box lays its content out in the bar as if it were not there, so the bar stays one row
 * at 390 px as at 1366 px.
 */
function barMenu(nav, who) {
  const menu = el('div', { class: 'bar-menu', id: 'bar-menu', 'data-layout': true }, nav, who);
  const button = el('button', { type: 'button', class: 'menu-toggle', id: 'menu-toggle', 'aria-expanded': 'false',
    'aria-controls': 'bar-menu', 'data-layout': true }, 'Menu');
  const show = open => {
    button.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('open', open);
  };
  button.addEventListener('click', () => show(button.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', event => {
    // a group's own list closes first (groupItem); the next Escape closes the menu
    if (event.key === 'Escape' && !event.defaultPrevented && menu.classList.contains('open')) {
      show(false);
      button.focus();
    }
  });
  menu.addEventListener('focusout', event => {
    if (event.relatedTarget && event.relatedTarget !== button && !menu.contains(event.relatedTarget)) {
      show(false);
    }
  });
  document.addEventListener('click', event => {
    if (!button.contains(event.target) && !menu.contains(event.target)) {
      show(false);
    }
  });
  return [button, menu];
}

/**
 * The navigation's list: a screen of no group is a link; a group is a button that shows and hides its
 * screens (the disclosure pattern: aria-expanded, Escape closes it and gives the focus back, leaving it
 * with the mouse or the keyboard closes it). The group of the screen shown is marked, and opens nowhere
 * by itself: the bar stays one row at 1366 px however many screens there are.
 */
function navigation(screens) {
  const here = location.pathname;
  const firstGrouped = screens.findIndex(s => s.group);
  const names = [...new Set(screens.filter(s => s.group).map(s => s.group))]
    .sort((a, b) => order(a) - order(b));
  const links = list => list.filter(s => !s.group).map(s => el('li', {}, link(s, here)));
  return el('ul', { class: 'nav-top' },
    links(firstGrouped < 0 ? screens : screens.slice(0, firstGrouped)),
    names.map(name => groupItem(name, screens.filter(s => s.group === name), here)),
    firstGrouped < 0 ? [] : links(screens.slice(firstGrouped)));
}

/** A group's place in the bar: as in GROUPS, a group not listed there last. */
function order(name) {
  const at = GROUPS.findIndex(g => g.name === name);
  return at < 0 ? GROUPS.length : at;
}

function link(screen, here) {
  return el('a', { href: screen.href, 'aria-current': screen.href === here ? 'page' : null }, screen.label);
}

function groupItem(name, screens, here) {
  const id = `nav-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const current = screens.some(s => s.href === here);
  const button = el('button', { type: 'button', class: current ? 'nav-group here' : 'nav-group', 'aria-expanded': 'false', 'aria-controls': id },
    name, current ? el('span', { class: 'visually-hidden' }, ' (the screen shown is here)') : null);
  const list = el('ul', { class: 'nav-menu', id, hidden: true }, screens.map(s => el('li', {}, link(s, here))));
  const item = el('li', { class: 'nav-item' }, button, list);
  const show = open => {
    button.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
  };
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    closeMenus();
    show(open);
  });
  item.addEventListener('keydown', event => {
    if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault();
      show(false);
      button.focus();
    }
  });
  item.addEventListener('focusout', event => {
    if (!item.contains(event.relatedTarget) && event.relatedTarget) {
      show(false);
    }
  });
  return item;
}

function closeMenus() {
  for (const button of document.querySelectorAll('header.bar .nav-group[aria-expanded="true"]')) {
    button.setAttribute('aria-expanded', 'false');
    byId(button.getAttribute('aria-controls')).hidden = true;
  }
}

document.addEventListener('click', event => {
  if (!event.target.closest?.('header.bar .nav-item')) {
    closeMenus();
  }
});

/**
 * While an administrator sees a teacher's screens: a banner above the bar saying whose screens they are,
 * that actions are recorded as the administrator's, and a way back to their own screens.
 */
function drawActingAs(me) {
  document.querySelector('.acting-as')?.remove();
  if (!me.impersonatedBy) {
    return;
  }
  const back = el('button', { type: 'button', id: 'stop-acting-as' }, 'Back to my own screens');
  back.addEventListener('click', () => {
    stopActingAs();
    location.href = '/admin-coverage.html';
  });
  document.querySelector('header.bar').before(el('div', { class: 'acting-as', role: 'region', 'aria-label': 'Covering a class' },
    el('p', {}, el('strong', {}, `You are seeing ${me.name}'s screens`), `, as ${me.impersonatedBy.name}. `
      + `What you do here is recorded as yours, on ${me.name}'s behalf; notifications and popups stay your own.`),
    back));
}
