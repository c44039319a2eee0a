// School setup: the school's destinations and rooms (add, change, remove, with the API's refusals shown as
// such), its times and limits (the settings API), and its bell schedule (replaced whole). Administrators
// only; REST API only. The school comes from the picker (school-picker.js).
import { api, byId as $, clearProblem, confirmThen, el, formProblem, showError, showProblem } from '/corridor.js';
import { openScreen } from '/layout.js';
import { pickSchool } from '/school-picker.js';

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const DAY_NAMES = { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' };
const PASS_TYPES = { REGULAR: 'Regular', AUTO: 'Auto pass', PROXY: 'Proxy (made by a teacher)', APPOINTMENT: 'Appointment', KIOSK: 'Kiosk' };
const SETTINGS = ['longRunningMinutes', 'autoEndMinutes', 'requestExpiryMinutes', 'resendAfterSeconds',
  'escalateAfterSeconds', 'appointmentLeadMinutes'];
/** Whom the school emails, per kind of notice: selects named as the settings' fields. */
const EMAIL_SETTINGS = ['emailEscalationsTo', 'emailEndedBySystemTo', 'emailEmergenciesTo'];

let school = null;
let editing = null; // the location being changed, or null when the form adds a destination
const live = message => { $('live').textContent = message; };
const base = () => `/api/admin/schools/${encodeURIComponent(school.id)}`;

// ---- destinations and rooms ----

async function loadTeachers() {
  const teachers = await api(`${base()}/teachers`);
  $('place-staffed').replaceChildren(el('option', { value: '' }, 'Nobody'),
    ...teachers.map(t => el('option', { value: t.id }, t.name)));
}

async function refreshPlaces() {
  const places = await api(`${base()}/locations`);
  $('locations-empty').hidden = places.length > 0;
  const yesNo = value => (value ? 'Yes' : 'No');
  $('locations').tBodies[0].replaceChildren(...places.map(p => el('tr', { class: editing?.id === p.id ? 'editing' : null },
    el('th', { scope: 'row' }, p.name),
    el('td', {}, p.destination ? 'Destination' : 'Room'),
    el('td', { class: 'num' }, p.capacity === 0 ? 'No limit' : String(p.capacity)),
    el('td', {}, yesNo(p.open)),
    el('td', {}, yesNo(p.autoPassAllowed)),
    el('td', {}, p.staffedBy?.name ?? ''),
    el('td', { class: 'num' }, p.occupancy ?? ''),
    el('td', { class: 'actions' },
      el('button', { type: 'button', onclick: () => startChange(p) }, 'Change', el('span', { class: 'visually-hidden' }, ` ${p.name}`)),
      el('button', { type: 'button', class: 'danger', onclick: () => remove(p) }, 'Remove', el('span', { class: 'visually-hidden' }, ` ${p.name}`))))));
}

function startChange(place) {
  editing = place;
  const form = $('place-form');
  clearProblem(form, $('place-error'));
  $('place-title').textContent = `Change ${place.name}`;
  $('place-name').value = place.name;
  $('place-capacity').value = place.capacity;
  $('place-open').checked = place.open;
  $('place-auto').checked = place.autoPassAllowed;
  $('place-destination').checked = place.destination;
  $('place-destination-label').hidden = false;
  $('place-staffed').value = place.staffedBy?.id ?? '';
  $('place-save').textContent = `Save ${place.name}`;
  $('place-cancel').hidden = false;
  $('place-title').focus();
  for (const row of $('locations').tBodies[0].rows) {
    row.classList.toggle('editing', row.cells[0].textContent === place.name);
  }
}

function endChange() {
  editing = null;
  const form = $('place-form');
  form.reset();
  clearProblem(form, $('place-error'));
  $('place-title').textContent = 'Add a destination';
  $('place-destination-label').hidden = true;
  $('place-save').textContent = 'Add the destination';
  $('place-cancel').hidden = true;
  for (const row of $('locations').tBodies[0].rows) {
    row.classList.remove('editing');
  }
}

async function savePlace(event) {
  event.preventDefault();
  const form = $('place-form');
  clearProblem(form, $('place-error'));
  const capacity = $('place-capacity').value.trim();
  if (capacity !== '' && !/^\d+$/.test(capacity)) {
    showProblem(form, formProblem({ capacity: 'Give a whole number of students, 0 for no limit.' }), { alert: $('place-error') });
    return;
  }
  const body = {
    name: $('place-name').value,
    capacity: capacity === '' ? null : Number(capacity),
    open: $('place-open').checked,
    autoPassAllowed: $('place-auto').checked,
    staffedById: $('place-staffed').value || null,
  };
  if (editing) {
    body.destination = $('place-destination').checked;
  } else if (body.capacity === null) {
    delete body.capacity; // the API names the missing field
  }
  $('place-save').disabled = true;
  try {
    const saved = editing
      ? await api(`${base()}/locations/${encodeURIComponent(editing.id)}`, { method: 'PUT', body })
      : await api(`${base()}/destinations`, { method: 'POST', body });
    const said = editing ? `${saved.name} saved.` : `Destination ${saved.name} added.`;
    endChange();
    // said once the list shows it: whoever hears "saved" and reads the list finds the change there
    await refreshPlaces();
    live(said);
  } catch (e) {
    showProblem(form, e, { alert: $('place-error') });
  } finally {
    $('place-save').disabled = false;
  }
}

function remove(place) {
  confirmThen({
    tone: 'danger',
    title: `Remove ${place.name}?`,
    body: [el('p', {}, `${place.name} is deleted. Corridor keeps a place any pass, class or kiosk refers to, and says so: `
      + 'close it instead to stop students going there.')],
    yes: `Remove ${place.name}`,
    action: async () => {
      await api(`${base()}/locations/${encodeURIComponent(place.id)}`, { method: 'DELETE' });
      if (editing?.id === place.id) {
        endChange();
      }
      live(`${place.name} removed.`);
      await refreshPlaces();
    },
  });
}

// ---- times and limits ----

function showSettings(settings) {
  for (const name of SETTINGS) {
    $(name).value = settings[name];
  }
  for (const name of EMAIL_SETTINGS) {
    $(name).value = settings[name];
  }
  $('escalateTo').value = settings.escalateTo;
  const counted = new Set(settings.countedPassTypes);
  $('counted').replaceChildren(el('legend', {}, 'Pass types that count towards a student\'s limits'),
    ...school.passTypes.map(type => el('label', {},
      el('input', { type: 'checkbox', name: 'countedPassTypes', value: type, checked: counted.has(type) }),
      ` ${PASS_TYPES[type] ?? type}`)));
}

async function saveSettings(event) {
  event.preventDefault();
  const form = $('settings-form');
  clearProblem(form, $('settings-error'));
  const errors = {};
  const body = {};
  for (const name of SETTINGS) {
    const value = $(name).value.trim();
    if (!/^\d+$/.test(value)) {
      errors[name] = 'Give a whole number.';
    } else {
      body[name] = Number(value);
    }
  }
  if (Object.keys(errors).length) {
    showProblem(form, formProblem(errors), { alert: $('settings-error') });
    return;
  }
  body.escalateTo = $('escalateTo').value;
  for (const name of EMAIL_SETTINGS) {
    body[name] = $(name).value;
  }
  body.countedPassTypes = [...form.querySelectorAll('input[name="countedPassTypes"]:checked')].map(c => c.value);
  $('settings-save').disabled = true;
  try {
    showSettings(await api(`${base()}/settings`, { method: 'PUT', body }));
    live('Times and limits saved.');
  } catch (e) {
    showProblem(form, e, { alert: $('settings-error') });
  } finally {
    $('settings-save').disabled = false;
  }
}

// ---- bell schedule ----

function periodRow(period = { name: '', startsAt: '', endsAt: '', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'] }) {
  const row = el('tr', { class: 'period' });
  const nameInput = el('input', { type: 'text', maxlength: 100, 'aria-label': 'Period name', value: period.name, class: 'period-name' });
  const starts = el('input', { type: 'time', 'aria-label': 'Starts at', value: period.startsAt, class: 'period-starts' });
  const ends = el('input', { type: 'time', 'aria-label': 'Ends at', value: period.endsAt, class: 'period-ends' });
  const days = el('fieldset', { class: 'period-days' }, el('legend', { class: 'visually-hidden' }, 'Days'),
    DAYS.map(d => el('label', {}, el('input', { type: 'checkbox', value: d, checked: period.days.includes(d) }), DAY_NAMES[d])));
  const removeButton = el('button', { type: 'button', class: 'danger' }, 'Remove',
    el('span', { class: 'visually-hidden' }, ' this period'));
  removeButton.addEventListener('click', () => {
    row.remove();
    numberRows();
    $('period-add').focus();
  });
  row.append(el('td', {}, nameInput), el('td', {}, starts), el('td', {}, ends), el('td', {}, days), el('td', {}, removeButton));
  return row;
}

/** Each row's controls carry the API's field names ("[2].startsAt"), so showProblem finds them. */
function numberRows() {
  const rows = [...$('periods').tBodies[0].rows];
  rows.forEach((row, i) => {
    row.querySelector('.period-name').dataset.field = `[${i}].name`;
    row.querySelector('.period-starts').dataset.field = `[${i}].startsAt`;
    row.querySelector('.period-ends').dataset.field = `[${i}].endsAt`;
    row.querySelector('.period-days').dataset.field = `[${i}].days`;
    const name = row.querySelector('.period-name').value || `${i + 1}`;
    row.querySelector('.period-days legend').textContent = `Days of period ${name}`;
  });
  $('periods-empty').hidden = rows.length > 0;
}

function showPeriods(periods) {
  $('periods').tBodies[0].replaceChildren(...periods.map(p => periodRow(p)));
  numberRows();
}

async function savePeriods(event) {
  event.preventDefault();
  const form = $('periods-form');
  clearProblem(form, $('periods-error'));
  const body = [...$('periods').tBodies[0].rows].map(row => ({
    name: row.querySelector('.period-name').value,
    startsAt: row.querySelector('.period-starts').value,
    endsAt: row.querySelector('.period-ends').value,
    days: [...row.querySelectorAll('.period-days input:checked')].map(c => c.value),
  }));
  $('periods-save').disabled = true;
  try {
    showPeriods(await api(`${base()}/periods`, { method: 'PUT', body }));
    live(`Bell schedule saved: ${body.length} period(s).`);
  } catch (e) {
    showProblem(form, e, { alert: $('periods-error') });
  } finally {
    $('periods-save').disabled = false;
  }
}

// ---- the page ----

async function load(chosen) {
  school = chosen;
  endChange();
  $('zone').textContent = school.timeZone;
  const [settings, periods] = await Promise.all([api(`${base()}/settings`), api(`${base()}/periods`), loadTeachers(),
    refreshPlaces()]);
  showSettings(settings);
  showPeriods(periods);
  for (const id of ['places', 'settings-form', 'periods-form']) {
    $(id).hidden = false;
  }
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  $('place-form').addEventListener('submit', savePlace);
  $('place-cancel').addEventListener('click', () => {
    endChange();
    $('place-name').focus();
  });
  $('settings-form').addEventListener('submit', saveSettings);
  $('periods-form').addEventListener('submit', savePeriods);
  $('period-add').addEventListener('click', () => {
    const row = periodRow();
    $('periods').tBodies[0].append(row);
    numberRows();
    row.querySelector('.period-name').focus();
  });
  $('periods').addEventListener('input', event => {
    if (event.target.matches('.period-name')) {
      numberRows();
    }
  });
  try {
    const chosen = await pickSchool($('school-picker'), other => load(other).catch(e => showError($('error'), e)));
    if (!chosen) {
      return;
    }
    await load(chosen);
  } catch (e) {
    showError($('error'), e);
    return;
  }
  document.body.dataset.ready = 'true';
}

start();
