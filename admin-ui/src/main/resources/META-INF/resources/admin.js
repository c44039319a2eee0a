// The administrator's console home: the way to the administrator's screens, with the rule set in force.
import { api, byId as $, dateTime, showError } from '/corridor.js';
import { openScreen } from '/layout.js';

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

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  $('consoles').hidden = false;
  try {
    await showRuleSets();
  } catch (e) {
    showError($('error'), e);
  }
}

start();
