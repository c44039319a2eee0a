// No-contact pairs: one student's pairs (or the district's), add one, remove one, the history of changes
// and a CSV import with its report. Administrators only; REST API only.
import {
  api, ApiError, byId as $, clearProblem, confirmThen, csrfToken, dateTime, el, showError, showProblem, studentLabel as who,
  studentSearch,
} from '/corridor.js';
import { openScreen } from '/layout.js';

const BASE = '/api/admin/no-contact-pairs';
const live = message => { $('live').textContent = message; };

/** The student whose pairs are shown, or null for the whole district. */
function chosen() {
  const option = $('student').selectedOptions[0];
  return option?.value ? { id: option.value, name: option.dataset.name } : null;
}

async function refresh() {
  const student = chosen();
  const query = student ? `?studentId=${encodeURIComponent(student.id)}` : '';
  const [pairs, changes] = await Promise.all([api(`${BASE}${query}`), api(`${BASE}/history${query}`)]);
  $('pairs-title').textContent = student ? `${student.name}'s pairs` : "The district's pairs";
  $('pairs-caption').textContent = student ? `Students ${student.name} must not meet` : 'Every no-contact pair of the district';
  $('new-who').textContent = student ? `${student.name} and the student chosen below.` : 'Choose the student above first.';
  $('empty').hidden = pairs.length > 0;
  $('pairs').tBodies[0].replaceChildren(...pairs.map(p => el('tr', {},
    el('th', { scope: 'row' }, who(p.student)),
    el('td', {}, who(p.otherStudent)),
    el('td', {}, p.from ? el('time', { datetime: p.from }, p.from) : ''),
    el('td', {}, p.until ? el('time', { datetime: p.until }, p.until) : 'No end'),
    el('td', {}, p.note || ''),
    el('td', {}, p.createdAt ? el('time', { datetime: p.createdAt }, dateTime(p.createdAt)) : ''),
    el('td', { class: 'actions' },
      el('button', { type: 'button', class: 'danger', onclick: () => remove(p) },
        `Remove (${p.student.name} and ${p.otherStudent.name})`)))));
  $('history-empty').hidden = changes.length > 0;
  $('history').tBodies[0].replaceChildren(...changes.map(c => el('tr', {},
    el('td', {}, el('time', { datetime: c.at }, dateTime(c.at))),
    el('td', {}, c.action === 'ADDED' ? 'Added' : 'Removed'),
    el('td', {}, `${who(c.student)} and ${who(c.otherStudent)}`),
    el('td', {}, c.from || ''),
    el('td', {}, c.until || 'No end'),
    el('td', {}, c.by?.name || ''))));
}

async function add(event) {
  event.preventDefault();
  const form = $('new-form');
  clearProblem(form, $('new-error'));
  clearProblem($('pick-form'), $('pick-error'));
  const body = {
    studentId: chosen()?.id || null, otherStudentId: $('other').value || null,
    from: $('from').value || null, until: $('until').value || null, note: $('note').value.trim() || null,
  };
  $('add').disabled = true;
  try {
    const made = await api(BASE, { method: 'POST', body });
    live(`Added: ${made.student.name} and ${made.otherStudent.name} must not meet in the halls.`);
    $('note').value = '';
    await refresh();
  } catch (e) {
    // The student is chosen in the form above: its error goes there, the rest next to this form's fields.
    showProblem(form, e, { alert: $('new-error') });
    const studentError = e.problem?.errors?.find(f => f.field === 'studentId' || f.field === 'studentNumber');
    if (studentError) {
      showProblem($('pick-form'), new ApiError(e.status, { ...e.problem, errors: [{ ...studentError, field: 'studentId' }] }),
        { alert: null, focus: false });
    }
  } finally {
    $('add').disabled = false;
  }
}

function remove(p) {
  confirmThen({
    tone: 'danger',
    title: `Remove the pair ${p.student.name} and ${p.otherStudent.name}?`,
    body: [el('p', {}, `From now on, requests of either are no longer flagged when the other is out. `
      + 'The removal is kept in the history.')],
    yes: 'Remove the pair',
    action: async () => {
      await api(`${BASE}/${encodeURIComponent(p.id)}`, { method: 'DELETE' });
      live(`Removed: ${p.student.name} and ${p.otherStudent.name}.`);
      await refresh();
    },
  });
}

/** A multipart upload: api() sends JSON only. Resolves to the report, or rejects with the problem. */
async function upload(path, file) {
  const data = new FormData();
  data.append('file', file);
  let response;
  try {
    response = await fetch(path, { method: 'POST', body: data, credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'X-XSRF-TOKEN': csrfToken() || '' } });
  } catch (e) {
    throw new ApiError(0, { detail: `Corridor cannot be reached (${e.message}). Check the connection and try again.` });
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

function showReport(report) {
  $('report').hidden = false;
  const errors = report.errors || [];
  $('report-summary').textContent = report.applied
    ? `Imported: ${report.added} pair(s) added.`
    : `Nothing imported: ${errors.length} row problem(s). Correct the file and import it again.`;
  $('report-errors-box').hidden = errors.length === 0;
  $('report-errors').tBodies[0].replaceChildren(...errors.map(p => el('tr', {},
    el('td', {}, p.file || ''), el('td', { class: 'num' }, p.row ?? ''), el('td', {}, p.column || ''),
    el('td', {}, p.reason))));
}

async function importCsv(event) {
  event.preventDefault();
  const form = $('import-form');
  clearProblem(form, $('import-error'));
  $('report').hidden = true;
  const file = $('file').files[0];
  if (!file) {
    showProblem(form, new ApiError(400, { title: 'Check the form', detail: 'Choose a CSV file first.',
      errors: [{ field: 'file', message: 'Choose the file to import.' }] }), { alert: $('import-error') });
    return;
  }
  $('upload').disabled = true;
  try {
    const report = await upload(`${BASE}/import`, file);
    showReport(report);
    live(`Imported ${report.added} pair(s).`);
    await refresh();
  } catch (e) {
    if (e.status === 422 && Array.isArray(e.problem.errors)) {
      showReport({ applied: false, added: 0, errors: e.problem.errors });
      showError($('import-error'), e);
    } else {
      showProblem(form, e, { alert: $('import-error') });
    }
  } finally {
    $('upload').disabled = false;
  }
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  const showPairs = () => refresh().catch(e => showError($('error'), e));
  studentSearch({ form: $('pick-form'), name: 'student', field: 'studentId', find: 'Find a student',
    label: 'Student', none: 'Every student of the district', announce: live, everyone: 'Every student of the district',
    empty: showPairs, found: showPairs });
  studentSearch({ form: $('new-form'), name: 'other', field: 'otherStudentId', find: 'Find the other student',
    label: 'Other student', none: 'Find the other student first', announce: live });
  $('student').addEventListener('change', showPairs);
  $('new-form').addEventListener('submit', add);
  $('import-form').addEventListener('submit', importCsv);
  try {
    await refresh();
  } catch (e) {
    showError($('error'), e);
    return;
  }
  document.body.dataset.ready = 'true';
}

start();
