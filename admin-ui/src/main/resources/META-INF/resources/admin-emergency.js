// The emergency control of a school: declare it (after a confirmation naming the school), the printable
// list of students who were out and where, clear it (after a confirmation), and the recent emergencies.
// Administrators only; REST API only.
import { api, byId as $, confirmThen, dateTime, el, showError, useTimeZone } from '/corridor.js';
import { openScreen } from '/layout.js';
import { pickSchool } from '/school-picker.js';

const live = message => { $('live').textContent = message; };
const STATES = { ACTIVE: 'Out', LONG_RUNNING: 'Out too long' };
const studentsWereOut = n => (n === 1 ? '1 student was out' : `${n} students were out`);

let school = null;

const path = () => `/api/admin/schools/${encodeURIComponent(school.schoolId)}/emergency`;

function showStatus(status) {
  school = status;
  // The school's own zone, even for a district administrator whose account has none.
  useTimeZone(status.timeZone);
  const control = $('control');
  control.hidden = false;
  control.classList.toggle('in-force', status.inForce);
  $('control-title').textContent = status.schoolName;
  $('control-state').textContent = status.inForce
    ? `Emergency in force since ${dateTime(status.current?.declaredAt)}`
      + `${status.current?.declaredBy ? `, declared by ${status.current.declaredBy.name}` : ''}. `
      + 'No pass can be requested until it is cleared.'
    : 'No emergency: passes work as usual.';
  $('declare').hidden = status.inForce;
  $('declare').textContent = `Declare an emergency at ${status.schoolName}`;
  $('clear').hidden = !status.inForce;
  const recent = status.recent || [];
  $('recent-empty').hidden = recent.length > 0;
  $('recent').tBodies[0].replaceChildren(...recent.map(r => el('tr', {},
    el('td', {}, el('time', { datetime: r.declaredAt }, dateTime(r.declaredAt))),
    el('td', {}, r.declaredBy?.name || ''),
    el('td', { class: 'num' }, String(r.passesEnded)),
    el('td', {}, r.clearedAt ? el('time', { datetime: r.clearedAt }, dateTime(r.clearedAt)) : 'In force'),
    el('td', {}, r.clearedBy?.name || ''))));
}

function showOutcome(declared) {
  $('outcome').hidden = false;
  $('outcome-title').textContent = `Students who were out — ${declared.schoolName}`;
  $('outcome-when').textContent = `Emergency declared ${dateTime(declared.declaredAt)}`
    + `${declared.declaredBy ? ` by ${declared.declaredBy.name}` : ''}. Every pass below was ended then.`;
  const out = declared.studentsOut || [];
  $('students-out-empty').hidden = out.length > 0;
  $('students-out').tBodies[0].replaceChildren(...out.map(s => el('tr', {},
    el('th', { scope: 'row' }, s.student.name),
    el('td', {}, s.destination?.name || ''),
    el('td', {}, STATES[s.state] || s.state),
    el('td', {}, s.startedAt ? el('time', { datetime: s.startedAt }, dateTime(s.startedAt)) : ''))));
  const cancelled = declared.requestsCancelled || [];
  $('cancelled-empty').hidden = cancelled.length > 0;
  $('cancelled').replaceChildren(...cancelled.map(s => el('li', {}, s.name)));
}

async function load(schoolId) {
  school = { schoolId };
  showStatus(await api(path()));
}

function declare() {
  const name = school.schoolName;
  confirmThen({
    tone: 'danger',
    title: `Declare an emergency at ${name}?`,
    body: [
      el('p', {}, `Every pass of ${name} ends now: students out are recorded as ended and requests waiting for `
        + 'a teacher are cancelled. No student of the school can ask for a pass until an administrator clears it.'),
      el('p', {}, 'You will get the list of students who were out and where.'),
    ],
    yes: `Declare the emergency at ${name}`,
    action: async () => {
      const declared = await api(path(), { method: 'POST' });
      showOutcome(declared);
      live(`Emergency declared at ${name}: ${studentsWereOut(declared.studentsOut.length)}.`);
      await load(school.schoolId).catch(e => showError($('error'), e));
      // After the dialog has closed and given the focus back to the (now hidden) button.
      setTimeout(() => $('outcome-title').focus());
    },
  });
}

function clear() {
  const name = school.schoolName;
  confirmThen({
    tone: 'danger',
    title: `Clear the emergency at ${name}?`,
    body: [el('p', {}, `Students of ${name} can ask for passes again. Passes ended in the emergency stay ended.`)],
    yes: 'Clear the emergency',
    action: async () => {
      showStatus(await api(path(), { method: 'DELETE' }));
      live(`Emergency cleared at ${name}: passes can be requested again.`);
      setTimeout(() => $('declare').focus());
    },
  });
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  $('declare').addEventListener('click', declare);
  $('clear').addEventListener('click', clear);
  $('print').addEventListener('click', () => window.print());
  $('outcome-title').tabIndex = -1;
  try {
    const chosen = await pickSchool($('school-picker'), other => {
      $('outcome').hidden = true;
      load(other.id).catch(e => showError($('error'), e));
    });
    if (!chosen) {
      return;
    }
    await load(chosen.id);
  } catch (e) {
    showError($('error'), e);
    return;
  }
  document.body.dataset.ready = 'true';
}

start();
