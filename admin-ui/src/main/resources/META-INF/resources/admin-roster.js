// The roster: import a OneRoster set (a zip or its CSV files, dropped or chosen) and read its report as
// tables; the district's earlier imports; the chosen school's gaps, where a class's periods, room and main
// teacher can be set (PUT /api/admin/sections/{id}). Administrators only; REST API only.
import { ApiError, api, byId as $, clearProblem, csrfToken, dateTime, el, formProblem, showError, showProblem } from '/corridor.js';
import { openScreen } from '/layout.js';
import { pickSchool } from '/school-picker.js';

const GAPS = {
  NO_PERIOD_IN_SCHEDULE: 'No period of the bell schedule (no request can leave it)',
  NO_ROOM: 'No room',
  NO_MAIN_TEACHER: 'No main teacher (nobody receives its requests)',
  NO_STUDENTS: 'No students',
};
const KINDS = { schools: 'Schools', academicSessions: 'Academic sessions', users: 'Users', sections: 'Classes', enrollments: 'Enrolments' };
const FINDINGS = [['errors', 'Errors'], ['warnings', 'Warnings'], ['notes', 'Notes']];

let school = null;
let chosenFiles = [];
const live = message => { $('live').textContent = message; };

// ---- upload ----

function choose(files) {
  chosenFiles = [...files];
  const size = chosenFiles.reduce((sum, f) => sum + f.size, 0);
  $('chosen').textContent = chosenFiles.length
    ? `${chosenFiles.map(f => f.name).join(', ')} (${kilobytes(size)})`
    : 'No file chosen.';
}

const kilobytes = bytes => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;

/** POST /api/admin/roster/import as multipart: one zip in `file`, CSV files in `files`. */
async function upload(files) {
  const form = new FormData();
  const zip = files.length === 1 && /\.zip$/i.test(files[0].name);
  for (const file of files) {
    form.append(zip ? 'file' : 'files', file, file.name);
  }
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = csrfToken();
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch('/api/admin/roster/import', { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { detail: `Corridor cannot be reached (${e.message}). Check the connection and try again.` });
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  return { status: response.status, data, bytes: text.length };
}

async function importRoster(event) {
  event.preventDefault();
  const form = $('upload-form');
  clearProblem(form, $('upload-error'));
  if (!chosenFiles.length) {
    showProblem(form, formProblem({ file: 'Choose the roster\'s zip or its CSV files.' }), { alert: $('upload-error') });
    return;
  }
  $('import').disabled = true;
  live('Importing the roster…');
  const started = performance.now();
  try {
    const { status, data, bytes } = await upload(chosenFiles);
    const millis = Math.round(performance.now() - started);
    if (status === 200 || (status === 422 && data?.outcome)) {
      showReport(data, millis, bytes);
      live(data.summary);
      await refreshImports();
      if (status === 200 && school) {
        await refreshGaps();
      }
    } else {
      throw new ApiError(status, data);
    }
  } catch (e) {
    live('');
    showProblem(form, e, { alert: $('upload-error') });
  } finally {
    $('import').disabled = false;
  }
}

function showReport(report, millis, bytes) {
  const section = $('report');
  section.hidden = false;
  section.dataset.outcome = report.outcome;
  section.dataset.millis = String(millis);
  section.dataset.bytes = String(bytes);
  const applied = report.outcome === 'APPLIED';
  $('report-summary').replaceChildren(
    el('span', { class: applied ? 'outcome-applied' : 'outcome-rejected' }, applied ? 'Applied. ' : 'Rejected. '),
    report.summary ?? report.detail ?? '');
  $('report-timing').textContent = `The report came back in ${(millis / 1000).toFixed(1)} s (${kilobytes(bytes)}).`
    + (report.onerosterVersion ? ` OneRoster ${report.onerosterVersion}.` : '');
  $('counts').tBodies[0].replaceChildren(...Object.entries(report.counts ?? {}).map(([kind, c]) => el('tr', {},
    el('th', { scope: 'row' }, KINDS[kind] ?? kind),
    el('td', { class: 'num' }, String(c.created)), el('td', { class: 'num' }, String(c.updated)),
    el('td', { class: 'num' }, String(c.unchanged)), el('td', { class: 'num' }, String(c.removed)))));
  $('findings').replaceChildren(...FINDINGS.map(([key, title]) => findings(key, title, report[key] ?? [])));
  section.focus();
}

function findings(key, title, list) {
  const id = `findings-${key}`;
  if (!list.length) {
    return el('section', { class: 'findings', 'aria-labelledby': id },
      el('h3', { id }, `${title} (0)`), el('p', { class: 'hint' }, `No ${title.toLowerCase()}.`));
  }
  return el('section', { class: 'findings', 'aria-labelledby': id },
    el('h3', { id }, `${title} (${list.length})`),
    el('div', { class: 'scroll' }, el('table', { id: `${key}-table`, 'aria-labelledby': id },
      el('thead', {}, el('tr', {}, ['File', 'Row', 'Column', 'Reason'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, list.map(p => el('tr', {},
        el('td', {}, p.file ?? '(the set)'), el('td', { class: 'num' }, p.row ?? ''), el('td', {}, p.column ?? ''),
        el('td', {}, p.reason)))))));
}

async function refreshImports() {
  const imports = await api('/api/admin/roster/imports');
  $('imports-empty').hidden = imports.length > 0;
  const counts = c => Object.entries(c ?? {}).map(([kind, n]) => `${KINDS[kind] ?? kind} ${n.created}/${n.updated}/${n.unchanged}/${n.removed}`).join('; ');
  $('imports').tBodies[0].replaceChildren(...imports.map(i => el('tr', {},
    el('th', { scope: 'row' }, el('time', { datetime: i.startedAt }, dateTime(i.startedAt))),
    el('td', {}, i.outcome === 'APPLIED' ? 'Applied' : 'Rejected'),
    el('td', {}, i.onerosterVersion ?? ''),
    el('td', {}, i.mode ?? ''),
    el('td', {}, counts(i.counts)),
    el('td', { class: 'num' }, String(i.errorCount)),
    el('td', { class: 'num' }, String(i.warningCount)))));
}

// ---- gaps ----

async function refreshGaps() {
  const report = await api(`/api/admin/schools/${encodeURIComponent(school.id)}/roster-gaps`);
  const classes = report.classesWithGaps;
  $('summary').textContent = `${report.classes} class(es) in the school; ${classes.length} with gaps; `
    + `${report.studentsInNoClass.length} student(s) in no class.`;
  $('classes-empty').hidden = classes.length > 0;
  $('classes').tBodies[0].replaceChildren(...classes.map(c => el('tr', {},
    el('th', { scope: 'row' }, c.name),
    el('td', {}, c.sourceId || ''),
    el('td', {}, (c.periods || []).join(', ') || 'None'),
    el('td', {}, (c.periodsNotInSchedule || []).join(', ')),
    el('td', {}, el('ul', { class: 'gaps' }, c.gaps.map(g => el('li', {}, GAPS[g] || g)))),
    el('td', { class: 'actions' }, el('button', { type: 'button', onclick: () => openFix(c) }, 'Fix',
      el('span', { class: 'visually-hidden' }, ` ${c.name}`))))));
  $('students-empty').hidden = report.studentsInNoClass.length > 0;
  $('students').tBodies[0].replaceChildren(...report.studentsInNoClass.map(s => el('tr', {},
    el('th', { scope: 'row' }, s.name), el('td', {}, s.studentNumber || ''))));
}

let fixing = null;

async function openFix(gap) {
  const base = `/api/admin/schools/${encodeURIComponent(school.id)}`;
  try {
    const [section, periods, places, teachers] = await Promise.all([
      api(`/api/admin/sections/${encodeURIComponent(gap.id)}`), api(`${base}/periods`), api(`${base}/locations`),
      api(`${base}/teachers`)]);
    fixing = section;
    const form = $('fix-form');
    clearProblem(form, $('fix-error'));
    $('fix-title').textContent = `Fix ${section.name}`;
    $('fix-hint').textContent = periods.length
      ? 'What you set here stays until a roster import changes the same field; the import\'s report then says so.'
      : 'The bell schedule has no period yet: add the periods in School setup first.';
    $('fix-periods').replaceChildren(el('legend', {}, 'Periods it meets in'),
      ...periods.map(p => el('label', {}, el('input', { type: 'checkbox', name: 'periods', value: p.name,
        checked: section.periods.includes(p.name) }), ` ${p.name} (${p.startsAt}–${p.endsAt})`)));
    const option = (value, label, selected) => el('option', { value, selected }, label);
    $('fix-room').replaceChildren(...[
      section.room ? [] : option('', 'No room yet', true),
      places.map(l => option(l.id, l.destination ? `${l.name} (destination)` : l.name, l.id === section.room?.id))].flat());
    $('fix-teacher').replaceChildren(...[
      section.mainTeacher ? [] : option('', 'No main teacher yet', true),
      teachers.map(t => option(t.id, t.name, t.id === section.mainTeacher?.id))].flat());
    $('fix').showModal();
    $('fix-periods').querySelector('input')?.focus();
  } catch (e) {
    showError($('error'), e);
  }
}

async function saveFix(event) {
  event.preventDefault();
  const form = $('fix-form');
  clearProblem(form, $('fix-error'));
  const body = { periods: [...form.querySelectorAll('input[name="periods"]:checked')].map(c => c.value) };
  if ($('fix-room').value) {
    body.roomId = $('fix-room').value;
  }
  if ($('fix-teacher').value) {
    body.mainTeacherId = $('fix-teacher').value;
  }
  $('fix-save').disabled = true;
  try {
    const saved = await api(`/api/admin/sections/${encodeURIComponent(fixing.id)}`, { method: 'PUT', body });
    $('fix').close();
    live(`${saved.name} saved: periods ${saved.periods.join(', ')}${saved.room ? `, ${saved.room.name}` : ''}`
      + `${saved.mainTeacher ? `, ${saved.mainTeacher.name}` : ''}.`);
    await refreshGaps();
  } catch (e) {
    showProblem(form, e, { alert: $('fix-error') });
  } finally {
    $('fix-save').disabled = false;
  }
}

// ---- the page ----

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  const drop = $('drop');
  drop.addEventListener('dragover', event => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', event => {
    event.preventDefault();
    drop.classList.remove('over');
    choose(event.dataTransfer.files);
  });
  $('roster-files').addEventListener('change', event => choose(event.target.files));
  $('upload-form').addEventListener('submit', importRoster);
  $('fix-form').addEventListener('submit', saveFix);
  $('fix-cancel').addEventListener('click', () => $('fix').close());
  try {
    await refreshImports();
    school = await pickSchool($('school-picker'), other => {
      school = other;
      refreshGaps().catch(e => showError($('error'), e));
    });
    if (school) {
      await refreshGaps();
    }
  } catch (e) {
    showError($('error'), e);
    return;
  }
  document.body.dataset.ready = 'true';
}

start();
