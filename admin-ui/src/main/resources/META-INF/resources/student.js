// The student's screen: ask to leave class (the class being left, where to, regular or auto pass, a note),
// then follow the pass live over the event stream: where it was sent, delivered and seen the moment they
// happen, approved or denied (with the reason, once), out a long time, ended; cancel it (a request, or a
// booked appointment) or end it when the server offers that (the pass's `actions`). Where the district's
// rules set a limit, the passes left today and this week.
import {
  api, byId as $, dateTime, el, every, formProblem, listen, newKey, showError, showProblem, toast,
} from '/corridor.js';
import { openScreen } from '/layout.js';

const error = $('error');
const form = $('new-pass');

const STATES = {
  SCHEDULED: 'Appointment scheduled',
  REQUESTED: 'Sending…',
  PENDING: 'Pending — waiting for your teacher',
  WAITING: 'Approved — waiting in line for a place',
  ACTIVE: 'Active — you may go',
  LONG_RUNNING: 'Active — out a long time',
  COMPLETED: 'Completed',
  ENDED_BY_SYSTEM: 'Ended by the time limit',
  DENIED: 'Denied',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
};

let me;
let destinations = [];
/** The pass this screen follows; remembered on this device because the API has no "my passes" list. */
let passId = null;
let pass = null;
/** One key per request the student means to send: kept while it is in flight or was not answered. */
let sendKey = null;
let sending = false;

const storageKey = () => `corridor.pass.${me.id}`;

function remember(id) {
  passId = id;
  if (id) {
    localStorage.setItem(storageKey(), id);
  } else {
    localStorage.removeItem(storageKey());
  }
}

// ---------------------------------------------------------------- the pass

/** A pass still asks something of the student (cancel it, end it) until the server offers no action. */
const isOpen = p => p.actions.length > 0;

function renderPass() {
  const section = $('pass');
  if (!pass) {
    section.hidden = true;
    form.hidden = false;
    $('form-title').textContent = 'Ask to leave class';
    return;
  }
  section.hidden = false;
  section.dataset.state = pass.state;
  const from = pass.departingFrom;
  $('pass-where').textContent = `${from?.section ?? 'Class'} → ${pass.destination.name}`
    + (pass.autoPass ? ' (auto pass)' : '')
    + (pass.state === 'SCHEDULED' && pass.startsAt ? ` at ${dateTime(pass.startsAt)}` : '');
  $('pass-state').textContent = STATES[pass.state] ?? pass.state;
  $('pass-status').textContent = pass.status;
  // the status already says the denial's reason ("Denied by Ms Rivera: not now") and why a pass ended
  $('pass-more').textContent = [pass.autoPassRefused,
    pass.endReason && !pass.status.includes(pass.endReason) ? pass.endReason : null].filter(Boolean).join(' ');
  const flags = pass.flags || [];
  $('pass-flags').replaceChildren(...flags.map(f => el('li', { class: `flag ${f.severity.toLowerCase()}` }, f.message)));
  $('pass-flags').hidden = flags.length === 0;
  $('cancel').hidden = !pass.actions.includes('cancel');
  $('cancel').textContent = pass.state === 'SCHEDULED' ? 'Cancel appointment' : 'Cancel request';
  $('end').hidden = !pass.actions.includes('end');
  form.hidden = isOpen(pass);
  $('form-title').textContent = 'Ask again';
}

async function loadPass() {
  if (!passId) {
    pass = null;
    renderPass();
    return;
  }
  try {
    pass = await api(`/api/passes/${encodeURIComponent(passId)}`);
  } catch (e) {
    if (e.status === 404 || e.status === 403) {
      remember(null);
      pass = null;
    } else {
      throw e;
    }
  }
  renderPass();
}

/** Without a remembered pass: the student's open pass, if any, even one asked for on another device. */
async function findOpenPass() {
  const mine = await api('/api/passes');
  const open = mine.find(isOpen);
  if (open) {
    remember(open.id);
    pass = open;
  }
  renderPass();
}

async function act(action) {
  const buttons = [$('cancel'), $('end')];
  buttons.forEach(b => { b.disabled = true; });
  showError($('pass-problem'), null);
  try {
    pass = await api(`/api/passes/${encodeURIComponent(pass.id)}/${action}`, { method: 'POST' });
    renderPass();
  } catch (e) {
    showError($('pass-problem'), e);
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

$('cancel').addEventListener('click', () => act('cancel'));
$('end').addEventListener('click', () => act('end'));

// ---------------------------------------------------------------- passes left

function leftSentence(count, when) {
  return count.limit == null ? null : `${count.left} of ${count.limit} passes left ${when}`;
}

/** GET /api/me/passes-left: shown only where the district's rules set a limit. */
async function loadPassesLeft() {
  const left = await api('/api/me/passes-left');
  const sentences = [leftSentence(left.today, 'today'), leftSentence(left.thisWeek, 'this week')].filter(Boolean);
  $('passes-left').textContent = sentences.join(' · ');
  $('passes-left').hidden = sentences.length === 0;
}

// ---------------------------------------------------------------- the form

function fill(select, options, placeholder) {
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, placeholder),
    ...options.map(o => el('option', { value: o.value, disabled: o.disabled }, o.label)));
  if (options.some(o => o.value === chosen && !o.disabled)) {
    select.value = chosen;
  } else if (options.length === 1 && !options[0].disabled) {
    select.value = options[0].value;
  }
}

function destinationLabel(d) {
  if (!d.open) {
    return `${d.name} (closed)`;
  }
  if (d.capacity != null) {
    return `${d.name} — ${d.occupancy} of ${d.capacity} places taken${d.occupancy >= d.capacity ? ' (full)' : ''}`;
  }
  return d.name;
}

function updateAuto() {
  const destination = destinations.find(d => d.id === $('destination').value);
  const auto = $('type-auto');
  auto.disabled = !destination?.autoPassAllowed;
  if (auto.disabled && auto.checked) {
    form.querySelector('input[name="type"][value="REGULAR"]').checked = true;
  }
  $('auto-hint').textContent = !destination ? 'Choose where to go first.'
    : destination.autoPassAllowed ? `An auto pass to ${destination.name} starts at once, without asking.`
      : `Auto passes are not allowed to ${destination.name}: ask your teacher.`;
}

async function loadChoices() {
  const [classes, places] = await Promise.all([
    api('/api/me/departing-from'),
    api(`/api/schools/${encodeURIComponent(me.schoolId)}/destinations`),
  ]);
  destinations = places;
  fill($('section'), classes.map(c => ({
    value: c.sectionId,
    label: `${c.section}${c.period ? ` (${c.period})` : ''} — ${c.teacher.name}${c.room ? `, ${c.room.name}` : ''}`,
  })), classes.length ? 'Choose your class' : 'No class right now');
  $('section-hint').textContent = classes.length
    ? 'Your request goes to the teacher of the class you are leaving.'
    : 'You are not in a class right now, so there is no teacher to ask.';
  fill($('destination'), places.map(d => ({ value: d.id, label: destinationLabel(d), disabled: !d.open })),
    'Choose where to go');
  updateAuto();
}

$('destination').addEventListener('change', updateAuto);
// a changed form is a different request: the next send gets a new key
form.addEventListener('input', () => {
  if (!sending) {
    sendKey = null;
  }
});

form.addEventListener('submit', async e => {
  e.preventDefault();
  if (sending) {
    return; // a double tap: the first one is on its way
  }
  const sectionId = $('section').value;
  const destinationId = $('destination').value;
  if (!sectionId || !destinationId) {
    showProblem(form, formProblem({
      ...(sectionId ? {} : { departingFromSectionId: 'Choose the class you are leaving.' }),
      ...(destinationId ? {} : { destinationId: 'Choose where to go.' }),
    }));
    return;
  }
  sending = true;
  $('send').disabled = true;
  sendKey ??= newKey();
  showProblem(form, null);
  const note = $('note').value.trim();
  try {
    pass = await api('/api/passes', {
      method: 'POST',
      headers: { 'Idempotency-Key': sendKey },
      body: {
        departingFromSectionId: sectionId,
        destinationId,
        type: form.querySelector('input[name="type"]:checked').value,
        note: note || undefined,
      },
    });
    sendKey = null;
    remember(pass.id);
    $('note').value = '';
    renderPass();
    $('pass-title').focus();
  } catch (err) {
    if (err.status !== 0) {
      sendKey = null; // the server answered: the next send is a new request
    }
    showProblem(form, err);
    if (err.status === 409 && err.problem.openPassId) {
      remember(err.problem.openPassId);
      await loadPass().catch(x => showError(error, x));
      // the open pass is now on screen; keep the reason visible next to it
      showError($('pass-problem'), err);
    }
  } finally {
    sending = false;
    $('send').disabled = false;
  }
});

// ---------------------------------------------------------------- start

const refresh = every(30000, async () => {
  await loadPass();
  await Promise.all([loadChoices(), loadPassesLeft()]);
}, e => showError(error, e));

/** Only the pass again, at once: the stream said it changed (delivered, seen). */
const refreshPass = every(60000, loadPass, e => showError(error, e));

async function start() {
  me = await openScreen({ role: 'STUDENT', people: 'students' });
  if (!me) {
    return;
  }
  passId = localStorage.getItem(storageKey());
  if (!passId) {
    await findOpenPass().catch(e => showError(error, e));
  }
  await refresh();
  let wasLive = null;
  listen({
    onPass: change => {
      if (change.passId && change.passId === passId) {
        refreshPass();
      }
    },
    onNotification: n => {
      // about the pass on screen: the pass says the rest (a denial's reason once, not twice)
      toast($('toasts'), { title: n.title, body: n.passId && n.passId === passId ? null : n.body, kind: n.kind });
      if (n.passId && (!pass || !isOpen(pass) || n.passId === pass.id)) {
        remember(n.passId);
      }
      refresh();
    },
    onLive: live => {
      document.body.dataset.live = String(live);
      if (live !== wasLive) {
        $('live').textContent = live ? (wasLive === null ? '' : 'Live updates are back.')
          : 'Live updates are interrupted; this screen still refreshes every 30 seconds.';
        wasLive = live;
      }
    },
  });
}

start();
