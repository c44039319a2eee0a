// Covered classes: the school's classes with their covers (a substitute on days of the school's calendar),
// add a cover, end one, the history of a class's covers; and the way to see a teacher's screens (act-as).
// Administrators only; REST API only.
import { api, byId as $, chooseActAs, clearProblem, confirmThen, dateTime, el, formProblem, showError, showProblem } from '/corridor.js';
import { openScreen } from '/layout.js';

const say = sentence => { $('live').textContent = sentence; };
let schoolId;
let school;

const days = c => (c.from === c.until ? c.from : `${c.from} to ${c.until}`);

function coverItem(c) {
  return el('li', { dataset: { coverId: c.id } },
    el('span', {}, `${c.teacher.name}, ${days(c)}`),
    c.inForce ? el('span', { class: 'in-force' }, 'in force') : null,
    el('button', { type: 'button', class: 'danger', onclick: () => end(c) }, `End (${c.teacher.name}, ${days(c)})`));
}

async function load() {
  school = await api(`/api/admin/schools/${encodeURIComponent(schoolId)}/coverage`);
  $('zone').textContent = `Days of ${school.school.name}'s calendar (${school.timeZone}); today is ${school.today}.`;
  const chosen = $('section').value;
  $('section').replaceChildren(...school.classes.map(c => el('option', { value: c.id },
    `${c.name}${c.mainTeacher ? ` (${c.mainTeacher.name})` : ''}`)));
  if (chosen) {
    $('section').value = chosen;
  }
  const options = () => [el('option', { value: '' }, 'Choose a teacher'),
    ...school.teachers.map(t => el('option', { value: t.id }, t.name))];
  const teacher = $('teacher').value;
  $('teacher').replaceChildren(...options());
  $('teacher').value = teacher || '';
  const acting = $('act-teacher').value;
  $('act-teacher').replaceChildren(...options());
  $('act-teacher').value = acting || '';
  if (!$('from').value) {
    $('from').value = school.today;
    $('until').value = school.today;
  }
  $('no-classes').hidden = school.classes.length > 0;
  $('classes').tBodies[0].replaceChildren(...school.classes.map(c => el('tr', { dataset: { sectionId: c.id } },
    el('th', { scope: 'row' }, c.name),
    el('td', {}, c.periods.join(', ') || '—'),
    el('td', {}, c.mainTeacher?.name ?? 'None'),
    el('td', {}, c.covers.length ? el('ul', { class: 'covers' }, c.covers.map(coverItem)) : 'Not covered'))));
  await loadHistory();
}

async function loadHistory() {
  const sectionId = $('section').value;
  if (!sectionId) {
    $('history').tBodies[0].replaceChildren();
    $('history-empty').hidden = false;
    return;
  }
  const changes = await api(`/api/admin/sections/${encodeURIComponent(sectionId)}/coverage/history`);
  const name = school.classes.find(c => c.id === sectionId)?.name ?? '';
  $('history-title').textContent = `Changes to the covers of ${name}`;
  $('history-empty').hidden = changes.length > 0;
  $('history').tBodies[0].replaceChildren(...changes.map(c => el('tr', {},
    el('td', {}, el('time', { datetime: c.at }, dateTime(c.at))),
    el('td', {}, c.action === 'ADDED' ? 'Added' : 'Ended'),
    el('td', {}, c.teacher?.name ?? ''),
    el('td', {}, c.from),
    el('td', {}, c.until),
    el('td', {}, c.by?.name ?? ''))));
}

async function add(event) {
  event.preventDefault();
  const form = $('cover-form');
  clearProblem(form, $('cover-error'));
  const sectionId = $('section').value;
  if (!sectionId) {
    showProblem(form, formProblem({ sectionId: 'Choose the class to cover.' }));
    return;
  }
  const body = { teacherId: $('teacher').value || null, from: $('from').value || null, until: $('until').value || null };
  $('add').disabled = true;
  try {
    const made = await api(`/api/admin/sections/${encodeURIComponent(sectionId)}/coverage`, { method: 'POST', body });
    say(`${made.teacher.name} covers ${made.section.name}, ${days(made)}.`);
    await load();
  } catch (e) {
    showProblem(form, e);
  } finally {
    $('add').disabled = false;
  }
}

function end(c) {
  confirmThen({
    tone: 'danger',
    title: `End ${c.teacher.name}'s cover of ${c.section.name}?`,
    body: [el('p', {}, `From now on ${c.section.name}'s requests go to ${c.mainTeacher?.name ?? 'its main teacher'}. `
      + 'The change is kept in the history.')],
    yes: 'End the cover',
    action: async () => {
      await api(`/api/admin/sections/${encodeURIComponent(c.section.id)}/coverage/${encodeURIComponent(c.id)}`, { method: 'DELETE' });
      say(`Ended: ${c.teacher.name}'s cover of ${c.section.name}.`);
      await load();
    },
  });
}

function actAs(event) {
  event.preventDefault();
  clearProblem($('act-form'), $('act-error'));
  const option = $('act-teacher').selectedOptions[0];
  if (!option?.value) {
    showProblem($('act-form'), formProblem({ actAs: 'Choose the teacher whose screens you will see.' }));
    return;
  }
  chooseActAs({ id: option.value, name: option.textContent });
  location.href = '/teacher.html';
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  schoolId = me.schoolId;
  if (!schoolId) {
    showError($('error'), new Error('Your account belongs to no school: covers are kept per school.'));
    return;
  }
  $('cover-form').addEventListener('submit', add);
  $('act-form').addEventListener('submit', actAs);
  $('section').addEventListener('change', () => loadHistory().catch(e => showError($('error'), e)));
  try {
    await load();
  } catch (e) {
    showError($('error'), e);
  }
  document.body.dataset.ready = 'true';
}

start();
