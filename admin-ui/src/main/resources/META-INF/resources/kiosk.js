// The kiosk page (/kiosk): a shared device in one room. Paired once (a one-time code, or the token pasted),
// it keeps its credential in localStorage and sends it as X-Kiosk-Token; nobody signs in. A student types or
// scans their number (a keyboard-wedge scanner types it and Enter), adds a PIN where the school asks, then asks
// for a pass from the class in session in this room, ends it, or checks in (a kiosk at a destination). The
// screen names the student by first name and last initial and returns to the start after a few seconds.
import { ApiError, api, byId as $, clearProblem, el, formProblem, newKey, showError, showProblem, time,
  useTimeZone } from '/corridor.js';

const STORE = 'corridor.kiosk.token';
const HEARTBEAT_MILLIS = 60_000;
/** How long a student's screen waits for a touch before going back to the start. */
const IDLE_AFTER_MILLIS = 30_000;
/** How long an answer ("Your request went to Ms Rivera") stays on screen. */
const DONE_FOR_MILLIS = 6_000;

let kiosk = null;
let student = null; // { number, pin } while a student is at the screen; forgotten on return to the start
let idleTimer = null;
let heartbeat = null;

const live = message => { $('live').textContent = message; };

/** Thrown when the kiosk's credential is refused: the page has already switched to pairing. */
class Unpaired extends Error {}

async function asKiosk(path, { method = 'GET', body, headers = {} } = {}) {
  const token = localStorage.getItem(STORE);
  if (!token) {
    showPairing(false);
    throw new Unpaired();
  }
  try {
    return await api(path, { method, body, headers: { 'X-Kiosk-Token': token, ...headers } });
  } catch (e) {
    if (e.status === 401) {
      localStorage.removeItem(STORE);
      showPairing(true);
      throw new Unpaired();
    }
    throw e;
  }
}

function show(id) {
  for (const panel of ['pair', 'idle', 'student', 'done']) {
    $(panel).hidden = panel !== id;
  }
  document.body.dataset.screen = id;
}

function showPairing(revoked) {
  kiosk = null;
  clearInterval(heartbeat);
  clearTimeout(idleTimer);
  student = null;
  $('place').textContent = 'Corridor kiosk';
  $('title').textContent = revoked ? 'Kiosk not paired' : 'Set up this kiosk';
  $('unpaired').hidden = !revoked;
  show('pair');
  $('code').focus();
}

async function pairWithCode(event) {
  event.preventDefault();
  const form = $('pair-form');
  clearProblem(form, $('pair-error'));
  const code = $('code').value.trim();
  if (!code) {
    showProblem(form, formProblem({ code: 'Type the pairing code your administrator was shown.' }),
      { alert: $('pair-error') });
    return;
  }
  $('pair-button').disabled = true;
  try {
    const paired = await api('/api/kiosk/pair', { method: 'POST', body: { code } });
    localStorage.setItem(STORE, paired.token);
    form.reset();
    await begin();
  } catch (e) {
    showProblem(form, e, { alert: $('pair-error') });
  } finally {
    $('pair-button').disabled = false;
  }
}

async function pairWithToken(event) {
  event.preventDefault();
  const form = $('token-form');
  clearProblem(form, $('token-error'));
  const token = $('token').value.trim();
  if (!token) {
    showProblem(form, formProblem({ token: 'Paste the kiosk token.' }), { alert: $('token-error') });
    return;
  }
  try {
    await api('/api/me', { headers: { 'X-Kiosk-Token': token } });
  } catch (e) {
    const refused = e.status === 401
      ? formProblem({ token: 'Corridor does not know this token, or it was revoked.' }, 'This token cannot pair the kiosk.')
      : e;
    showProblem(form, refused, { alert: $('token-error') });
    return;
  }
  localStorage.setItem(STORE, token);
  form.reset();
  await begin();
}

/** Reads who this kiosk is, then waits for students; beats every minute while paired. */
async function begin() {
  try {
    kiosk = await asKiosk('/api/me');
  } catch (e) {
    if (!(e instanceof Unpaired)) {
      showError($('error'), e);
      setTimeout(begin, 15_000); // the network or server is down: try again, the credential is kept
    }
    return;
  }
  showError($('error'), null);
  useTimeZone(kiosk.timeZone);
  $('place').textContent = `${kiosk.kiosk.room?.name ?? ''} — ${kiosk.kiosk.name}`;
  $('title').textContent = `Hall passes — ${kiosk.kiosk.room?.name ?? 'this room'}`;
  $('pin-field').hidden = !kiosk.kioskRequiresPin;
  clearInterval(heartbeat);
  beat();
  heartbeat = setInterval(beat, HEARTBEAT_MILLIS);
  toStart();
}

async function beat() {
  try {
    await asKiosk('/api/kiosk/heartbeat', { method: 'POST' });
    tick();
  } catch (e) {
    if (!(e instanceof Unpaired)) {
      showError($('error'), e);
    }
  }
}

function tick() {
  $('clock').textContent = time(new Date().toISOString());
}

/** The start: an empty number field with the focus, ready for typing or a scanner. */
function toStart() {
  clearTimeout(idleTimer);
  student = null;
  const form = $('number-form');
  form.reset();
  clearProblem(form, $('number-error'));
  clearProblem($('student'), $('student-error'));
  $('pass-actions').replaceChildren();
  $('destination-list').replaceChildren();
  show('idle');
  $('number').focus();
}

/** Any touch or key on a student's screen keeps it; silence returns to the start. */
function stayAwhile(millis = IDLE_AFTER_MILLIS) {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(toStart, millis);
}

async function identify(event) {
  event.preventDefault();
  const form = $('number-form');
  clearProblem(form, $('number-error'));
  const number = $('number').value.trim();
  const pin = $('pin').value.trim();
  if (!number) {
    showProblem(form, formProblem({ studentNumber: 'Type or scan your student number.' }), { alert: $('number-error') });
    return;
  }
  if (kiosk.kioskRequiresPin && !pin) {
    // a scanner's Enter lands here: the PIN comes next
    $('pin').focus();
    return;
  }
  $('continue').disabled = true;
  try {
    const passes = await asKiosk(`/api/passes?studentNumber=${encodeURIComponent(number)}`,
      { headers: pin ? { 'X-Student-Pin': pin } : {} });
    student = { number, pin };
    await showStudent(passes[0]);
  } catch (e) {
    if (!(e instanceof Unpaired)) {
      showProblem(form, e, { alert: $('number-error') });
      $('pin').value = '';
    }
  } finally {
    $('continue').disabled = false;
  }
}

async function showStudent(pass) {
  show('student');
  stayAwhile();
  $('destinations').hidden = true;
  $('pass-actions').replaceChildren();
  if (pass) {
    $('student-title').textContent = `${pass.student.name}`;
    $('student-status').textContent = pass.status;
    const buttons = [];
    if (pass.actions.includes('check-in')) {
      buttons.push(actionButton(pass, 'check-in', `Check in at ${pass.destination.name}`, 'primary'));
    }
    if (pass.actions.includes('end')) {
      buttons.push(actionButton(pass, 'end', 'I am back: end my pass', buttons.length ? '' : 'primary'));
    }
    if (pass.actions.includes('cancel')) {
      buttons.push(actionButton(pass, 'cancel', 'Cancel my request', ''));
    }
    if (!buttons.length) {
      $('student-status').append(' ', el('span', {}, 'There is nothing to do for it at this kiosk.'));
    }
    $('pass-actions').append(...buttons);
    buttons[0]?.focus();
    return;
  }
  $('student-title').textContent = 'Ask for a pass';
  $('student-status').textContent = 'Your request goes to the teacher of your class in this room.';
  const destinations = await asKiosk(`/api/schools/${encodeURIComponent(kiosk.schoolId)}/destinations`);
  $('destination-list').replaceChildren(...destinations.map(destinationButton));
  $('destinations').hidden = false;
  $('destination-list').querySelector('button:not([disabled])')?.focus();
}

function destinationButton(d) {
  const full = d.capacity !== null && d.capacity !== undefined && d.occupancy >= d.capacity;
  const state = !d.open ? 'Closed' : full ? `Full (${d.occupancy} of ${d.capacity})`
    : d.capacity ? `Open — ${d.occupancy} of ${d.capacity} there` : 'Open';
  return el('button', {
    type: 'button',
    class: d.open && !full ? 'open' : '',
    disabled: !d.open || full,
    'aria-label': `${d.name}: ${state}`,
    onclick: () => request(d),
  }, el('span', {}, d.name), el('span', { class: 'kiosk-state', 'aria-hidden': 'true' }, state));
}

function actionButton(pass, action, label, tone) {
  return el('button', { type: 'button', class: tone, onclick: () => act(pass, action) }, label);
}

async function request(destination) {
  clearProblem($('student'), $('student-error'));
  stayAwhile();
  try {
    const pass = await asKiosk('/api/passes', {
      method: 'POST',
      headers: { 'Idempotency-Key': newKey() },
      body: { studentNumber: student.number, pin: student.pin || undefined, destinationId: destination.id,
        type: 'REGULAR' },
    });
    finish(`${pass.student.name}: ${pass.status}.`);
  } catch (e) {
    failed(e);
  }
}

async function act(pass, action) {
  clearProblem($('student'), $('student-error'));
  stayAwhile();
  try {
    const after = await asKiosk(`/api/passes/${encodeURIComponent(pass.id)}/${action}`, { method: 'POST' });
    const said = { 'check-in': `checked in at ${after.destination.name}`, end: 'welcome back, your pass is ended',
      cancel: 'your request is cancelled' }[action];
    finish(`${after.student.name}: ${said}.`);
  } catch (e) {
    failed(e);
  }
}

/**
 * A refusal on the student's screen: an error about a field that is not on it (the class in this room,
 * the number typed a moment ago) is said in plain words, without the API's field name.
 */
function failed(e) {
  if (e instanceof Unpaired) {
    return;
  }
  if (!(e instanceof ApiError)) {
    showProblem($('student'), new ApiError(0, { detail: String(e) }), { alert: $('student-error') });
    return;
  }
  const scope = $('student');
  const errors = (e.problem?.errors ?? []).map(({ field, message }) =>
    (scope.querySelector(`[data-field="${field}"]`) ? { field, message } : { message }));
  showProblem(scope, new ApiError(e.status, { ...e.problem, errors }), { alert: $('student-error') });
}

/** The answer, for a few seconds; then the next student. */
function finish(message) {
  student = null;
  $('done-text').textContent = message;
  show('done');
  live(message);
  $('done-text').focus();
  stayAwhile(DONE_FOR_MILLIS);
}

function start() {
  $('pair-form').addEventListener('submit', pairWithCode);
  $('token-form').addEventListener('submit', pairWithToken);
  $('number-form').addEventListener('submit', identify);
  $('back').addEventListener('click', toStart);
  for (const kind of ['pointerdown', 'keydown']) {
    $('student').addEventListener(kind, () => stayAwhile());
  }
  tick();
  setInterval(tick, 15_000);
  document.body.dataset.ready = 'true';
  if (localStorage.getItem(STORE)) {
    begin();
  } else {
    showPairing(false);
  }
}

start();
