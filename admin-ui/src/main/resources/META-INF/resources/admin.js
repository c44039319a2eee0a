// The administrator's console home: every screen of the console under its group (layout.js SCREENS and
// GROUPS, so a new screen appears here as it appears in the bar), with the rule set in force.
import { api, byId as $, dateTime, el, showError } from '/corridor.js';
import { GROUPS, SCREENS, openScreen } from '/layout.js';

async function showRuleSets() {
  const versions = await api('/api/admin/rule-sets');
  const active = versions.find(v => v.status === 'ACTIVE');
  const drafts = versions.filter(v => v.status === 'DRAFT').length;
  $('rules-status').textContent = [
    active ? `Version ${active.version} is active${active.activatedAt ? ` since ${dateTime(active.activatedAt)}` : ''}.`
      : 'No version is active.',
    drafts ? `${drafts} draft${drafts === 1 ? '' : 's'} waiting.` : '',
  ].filter(Boolean).join(' ');
}

function tile(screen) {
  const emergency = screen.href === '/admin-emergency.html';
  return el('li', { class: emergency ? 'tile emergency-tile' : 'tile' },
    el('h3', {}, el('a', { href: screen.href }, screen.label)),
    screen.about ? el('p', {}, screen.about) : null,
    screen.href === '/admin-rules.html' ? el('p', { class: 'status', id: 'rules-status', 'aria-live': 'polite' }) : null);
}

function drawHub(me) {
  const mine = SCREENS.filter(s => s.group && s.roles.some(r => me.roles.includes(r)));
  const names = [...GROUPS.map(g => g.name), ...new Set(mine.map(s => s.group))]
    .filter((name, i, all) => all.indexOf(name) === i);
  $('consoles').replaceChildren(...names
    .map(name => ({ name, about: GROUPS.find(g => g.name === name)?.about, screens: mine.filter(s => s.group === name) }))
    .filter(g => g.screens.length)
    .map(g => {
      const id = `group-${g.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      return el('section', { class: 'hub-group', 'aria-labelledby': id },
        el('h2', { id }, g.name),
        g.about ? el('p', { class: 'hint' }, g.about) : null,
        el('ul', { class: 'tiles' }, g.screens.map(tile)));
    }));
  $('consoles').hidden = false;
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  drawHub(me);
  try {
    await showRuleSets();
  } catch (e) {
    showError($('error'), e);
  }
}

start();
