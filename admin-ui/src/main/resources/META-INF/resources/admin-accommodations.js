// Accommodations: list, add, change the dates or the rule, end early. Administrators only; REST API only.
import { api, clearProblem, confirmThen, el, showError, showProblem, studentSearch } from '/corridor.js';
import { openScreen } from '/layout.js';

const $ = id => document.getElementById(id);
const BASE = '/api/admin/accommodations';
const live = message => { $('live').textContent = message; };
const STANDING = { UPCOMING: 'Upcoming', IN_FORCE: 'In force', ENDED: 'Ended' };

/** yyyy-mm-dd of a day counted from today on this device. */
function day(offset = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The rule names of the active version, offered while typing (any name may still be typed). */
async function loadRuleNames() {
  const versions = await api('/api/admin/rule-sets');
  const active = versions.find(v => v.status === 'ACTIVE');
  if (!active) {
    return;
  }
  const { drl } = await api(`/api/admin/rule-sets/${active.version}`);
  const names = [...drl.matchAll(/^\s*rule\s+"([^"]+)"/gm)].map(m => m[1]);
  $('rule-names').replaceChildren(...names.map(name => el('option', { value: name })));
}

async function refresh() {
  const list = await api(BASE);
  $('empty').hidden = list.length > 0;
  $('accommodations').tBodies[0].replaceChildren(...list.map(a => el('tr', {},
    el('th', { scope: 'row' }, a.studentName, a.studentNumber ? ` (${a.studentNumber})` : ''),
    el('td', {}, a.ruleName),
    el('td', {}, el('time', { datetime: a.from }, a.from)),
    el('td', {}, el('time', { datetime: a.until }, a.until)),
    el('td', {}, el('span', { class: `status ${a.standing.toLowerCase()}` }, STANDING[a.standing])),
    el('td', {}, a.note || ''),
    el('td', { class: 'actions' },
      el('button', { type: 'button', onclick: () => openChange(a) }, `Change (${a.studentName})`),
      a.standing === 'ENDED' ? null
        : el('button', { type: 'button', class: 'danger', onclick: () => endEarly(a) }, `End early (${a.studentName})`)))));
}

async function add(event) {
  event.preventDefault();
  const form = $('new-form');
  clearProblem(form, $('new-error'));
  $('add').disabled = true;
  try {
    const made = await api(BASE, { method: 'POST', body: {
      studentId: $('student').value || null, ruleName: $('rule').value.trim() || null,
      from: $('from').value || null, until: $('until').value || null, note: $('note').value.trim() || null,
    } });
    live(`Added: ${made.studentName} is exempt from "${made.ruleName}" from ${made.from} until ${made.until}.`);
    $('rule').value = '';
    $('note').value = '';
    await refresh();
  } catch (e) {
    showProblem(form, e, { alert: $('new-error') });
  } finally {
    $('add').disabled = false;
  }
}

let changing = null;

function openChange(a) {
  changing = a;
  clearProblem($('change-form'), $('change-error'));
  $('change-who').textContent = `${a.studentName}: ${a.ruleName}, ${a.from} to ${a.until}.`;
  $('change-rule').value = a.ruleName;
  $('change-from').value = a.from;
  $('change-until').value = a.until;
  $('change-note').value = a.note || '';
  $('change').showModal();
  $('change-rule').focus();
}

async function saveChange(event) {
  event.preventDefault();
  const form = $('change-form');
  clearProblem(form, $('change-error'));
  try {
    const changed = await api(`${BASE}/${changing.id}`, { method: 'PUT', body: {
      ruleName: $('change-rule').value.trim() || null, from: $('change-from').value || null,
      until: $('change-until').value || null, note: $('change-note').value.trim() || null,
    } });
    $('change').close();
    live(`Changed: ${changed.studentName}, "${changed.ruleName}" from ${changed.from} until ${changed.until}.`);
    await refresh();
  } catch (e) {
    showProblem(form, e, { alert: $('change-error') });
  }
}

function endEarly(a) {
  const notStarted = a.standing === 'UPCOMING';
  confirmThen({
    title: `End ${a.studentName}'s accommodation early?`,
    body: [el('p', {}, notStarted
      ? `It has not started yet, so it is removed: "${a.ruleName}" will flag ${a.studentName}'s requests as anyone's.`
      : `From today on, "${a.ruleName}" flags ${a.studentName}'s requests again. The days it was in force stay on record.`)],
    yes: 'End it now',
    action: async () => {
      await api(`${BASE}/${a.id}`, { method: 'DELETE' });
      live(`${a.studentName}'s accommodation from "${a.ruleName}" has ended.`);
      await refresh();
    },
  });
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  $('from').value = day(0);
  $('until').value = day(30);
  studentSearch({ form: $('new-form'), name: 'student', field: 'studentId', find: 'Find the student',
    label: 'Student', none: 'Find a student first', announce: live });
  $('new-form').addEventListener('submit', add);
  $('change-form').addEventListener('submit', saveChange);
  $('change-cancel').addEventListener('click', () => $('change').close());
  try {
    await Promise.all([refresh(), loadRuleNames()]);
  } catch (e) {
    showError($('error'), e);
    return;
  }
  document.body.dataset.ready = 'true';
}

start();
