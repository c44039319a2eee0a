// The teacher's screen: the class with the badges of students who are out (a card opens what can be done
// for the student: mark back, a pass now, an appointment), the Requests tab, the arrivals at the
// destinations the teacher staffs (on the way, in the room now), the notification centre and live popups
// that approve or deny in one click. Talks to the REST API only; the buttons on a pass are the actions the
// server offers for it.
import {
  api, byId as $, dateTime, el, every, formProblem, instantOnSchoolClock, listen, newKey, popupRegion, removePopups,
  schoolClockValue, showError, showProblem, time, toast,
} from '/corridor.js';
import { openScreen } from '/layout.js';
import { pushSettings } from '/push-devices.js';

const error = $('error');

const REQUEST_KINDS = new Set(['REQUEST', 'REQUEST_AGAIN', 'REQUEST_ESCALATED']);
const COLOURS = {
  GREEN: { label: 'Green', hint: 'out' },
  YELLOW: { label: 'Yellow', hint: 'out a long time' },
  RED: { label: 'Red', hint: 'ended by the time limit' },
};

/** Runs a loader, showing its problem in its own place instead of letting it escape. */
async function guarded(container, loader) {
  try {
    await loader();
    showError(container, null);
  } catch (e) {
    showError(container, e);
  }
}

function say(sentence) {
  $('live').textContent = sentence;
}

// ---------------------------------------------------------------- tabs

const tabs = ['class', 'requests', 'arriving'];

function selectTab(name, focus = false) {
  for (const tab of tabs) {
    const selected = tab === name;
    const button = $(`tab-${tab}`);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $(`panel-${tab}`).hidden = !selected;
    if (selected && focus) {
      button.focus();
    }
  }
}

for (const tab of tabs) {
  $(`tab-${tab}`).addEventListener('click', () => selectTab(tab));
  $(`tab-${tab}`).addEventListener('keydown', e => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step) {
      selectTab(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length], true);
    }
  });
}

// ---------------------------------------------------------------- class view

function badge(b) {
  const colour = COLOURS[b.color];
  return el('div', { class: 'badge', dataset: { color: b.color, passId: b.passId } },
    el('span', { class: `chip ${b.color.toLowerCase()}` }, colour.label),
    el('span', { class: 'destination' }, b.destination?.name),
    b.autoPass ? el('span', { class: 'auto-mark', title: 'Auto pass' }, 'A',
      el('span', { class: 'visually-hidden' }, ' (auto pass)')) : null,
    el('span', { class: 'visually-hidden' }, `, ${colour.hint}`),
    b.startedAt ? el('span', { class: 'since' }, `since ${time(b.startedAt)}`) : null);
}

// in line for a place (WAITING): not out, so no colour; a badge of its own
function waitingBadge(b) {
  return el('div', { class: 'badge', dataset: { state: 'WAITING', passId: b.passId } },
    el('span', { class: 'chip waiting' }, 'Waiting'),
    el('span', { class: 'destination' }, b.destination?.name),
    el('span', { class: 'visually-hidden' }, ', in line for a place, not out yet'));
}

function studentCard(student, section) {
  // pending requests show no badge: only a pass the student is out on (or was ended out) has a colour
  const out = student.badge && student.badge.color && student.badge.state !== 'PENDING' ? student.badge : null;
  const waiting = student.badge && student.badge.state === 'WAITING' ? student.badge : null;
  return el('li', {
    class: out ? `card out ${out.color.toLowerCase()}` : 'card',
    dataset: { studentId: student.id, studentName: student.name },
  },
  el('button', {
    type: 'button',
    class: 'name',
    'aria-haspopup': 'dialog',
    onclick: e => openStudent(student, section, out, e.currentTarget),
  }, student.name,
  el('span', { class: 'visually-hidden' }, out ? ': mark back or write a pass' : ': write a pass')),
  student.studentNumber ? el('div', { class: 'number' }, `No. ${student.studentNumber}`) : null,
  out ? badge(out) : null,
  waiting ? waitingBadge(waiting) : null);
}

let classCount = null;

async function loadClass() {
  const view = await api('/api/classes/current');
  classCount = view.classes.length;
  const container = $('classes');
  if (!view.classes.length) {
    container.replaceChildren(el('p', { class: 'notice' }, 'You have no class in session now.'));
    return;
  }
  container.replaceChildren(...view.classes.map((c, i) => el('section', { 'aria-labelledby': `class-${i}` },
    el('h2', { id: `class-${i}` }, c.section.name),
    el('p', { class: 'notice' }, [c.period?.name, c.room?.name].filter(Boolean).join(' · ')),
    el('ul', { class: 'cards' }, c.students.map(student => studentCard(student, c.section))))));
}

// ---------------------------------------------------------------- requests tab

/** The request cards on screen, by pass id; kept across refreshes so a half-typed reason survives. */
const requests = new Map();

function flagList(flags) {
  return flags.map(f => el('li', { class: `flag ${f.severity.toLowerCase()}`, dataset: { code: f.code } },
    el('span', { class: 'severity' }, f.severity), f.message));
}

// the flags a pass may wait out in line (the server answers a waiting approval as a normal one when a
// place is free by then)
const WAIT_FOR_PLACE = new Set(['DESTINATION_FULL', 'HALL_LIMIT']);

function showFlags(entry, flags) {
  entry.codes = flags.map(f => f.code);
  entry.flags.replaceChildren(...flagList(flags));
  entry.flags.hidden = flags.length === 0;
  entry.wait.hidden = !entry.pass?.actions.includes('approve') || !entry.codes.some(c => WAIT_FOR_PLACE.has(c));
}

function updateRequest(entry, pass) {
  entry.pass = pass;
  entry.title.textContent = `${pass.student.name} → ${pass.destination.name}`;
  entry.meta.replaceChildren(
    [pass.autoPass ? 'Auto pass that needs approval' : 'Regular pass', `asked ${time(pass.requestedAt)}`,
      pass.autoPassRefused].filter(Boolean).join(' · '),
    // replaceChildren writes a null child as the text "null" ("asked 07:56null"): only what is there
    ...(pass.note ? [el('span', {}, ` · Note: “${pass.note}”`)] : []));
  entry.status.textContent = pass.status;
  entry.approve.hidden = !pass.actions.includes('approve');
  entry.deny.hidden = !pass.actions.includes('deny');
  entry.denyReason.hidden = entry.deny.hidden;
  showFlags(entry, pass.flags || []);
}

function createRequest(pass) {
  const entry = {};
  const reasonId = `reason-${pass.id}`;
  entry.title = el('button', { type: 'button', class: 'open', 'aria-describedby': `status-${pass.id}` });
  entry.meta = el('p', { class: 'meta' });
  entry.status = el('p', { class: 'status', id: `status-${pass.id}` });
  entry.flags = el('ul', { class: 'flags', 'aria-label': 'Flags' });
  entry.problem = el('p', { class: 'problem', role: 'alert', hidden: true });
  entry.approve = el('button', { type: 'button', class: 'primary approve', onclick: () => approve(entry) }, 'Approve');
  entry.wait = el('button', { type: 'button', class: 'wait', hidden: true, onclick: () => approve(entry, true) },
    'Approve when a place frees');
  entry.reason = el('input', { type: 'text', id: reasonId, class: 'reason', maxlength: 500, autocomplete: 'off' });
  entry.deny = el('button', { type: 'button', class: 'danger deny', onclick: () => deny(entry) }, 'Deny');
  entry.denyReason = el('div', { class: 'deny-reason' }, el('label', { for: reasonId }, 'Reason to deny (optional)'), entry.reason);
  entry.li = el('li', { class: 'item request', dataset: { passId: pass.id } },
    el('h3', {}, entry.title),
    entry.meta, entry.status, entry.flags, entry.problem,
    el('div', { class: 'actions' },
      entry.approve,
      entry.wait,
      entry.denyReason,
      entry.deny));
  // opening a request (clicking it anywhere but its controls) is what tells the student it was seen
  entry.li.addEventListener('click', e => {
    if (!e.target.closest('.actions')) {
      openRequest(pass.id);
    }
  });
  return entry;
}

async function loadRequests() {
  const asked = Date.now();
  const list = await api('/api/requests');
  const container = $('requests');
  const shown = new Set();
  list.forEach((pass, index) => {
    shown.add(pass.id);
    let entry = requests.get(pass.id);
    if (!entry) {
      entry = createRequest(pass);
      requests.set(pass.id, entry);
    }
    updateRequest(entry, pass);
    if (container.children[index] !== entry.li) {
      container.insertBefore(entry.li, container.children[index] || null);
    }
  });
  for (const [id, entry] of requests) {
    if (!shown.has(id)) {
      entry.li.remove();
      requests.delete(id);
    }
  }
  // a request decided (or expired) since its popup appeared needs the popup no more; a popup newer than
  // this list may be about a request the list does not have yet
  removePopups($('toasts'), [...$('toasts').querySelectorAll('.toast')].filter(popup =>
    REQUEST_KINDS.has(popup.dataset.kind) && popup.shownAt < asked && !requests.has(popup.dataset.passId)));
  $('requests-count').textContent = `(${requests.size})`;
  $('no-requests').hidden = requests.size > 0;
}

/** GET /api/passes/{id}: the routed teacher's first look is what marks a request "seen". */
async function openRequest(passId, focus = false) {
  selectTab('requests');
  if (!requests.has(passId)) {
    await guarded($('requests-error'), loadRequests);
  }
  const entry = requests.get(passId);
  try {
    const pass = await api(`/api/passes/${encodeURIComponent(passId)}`);
    if (!entry) {
      say(`${pass.student.name} → ${pass.destination.name}: ${pass.status}`);
      return;
    }
    if (pass.state !== 'PENDING') {
      say(`${pass.student.name} → ${pass.destination.name}: ${pass.status}`);
    }
    updateRequest(entry, pass);
    entry.li.classList.add('opened');
    if (focus) {
      entry.title.focus();
      entry.li.scrollIntoView({ block: 'nearest' });
    }
  } catch (e) {
    showError(entry ? entry.problem : $('requests-error'), e);
  }
}

function busy(entry, on) {
  entry.approve.disabled = on;
  entry.wait.disabled = on;
  entry.deny.disabled = on;
}

async function approve(entry, waitForPlace = false) {
  busy(entry, true);
  showError(entry.problem, null);
  try {
    const body = waitForPlace ? { acknowledgedFlags: entry.codes, waitForPlace } : { acknowledgedFlags: entry.codes };
    const pass = await api(`/api/passes/${entry.pass.id}/approve`, { method: 'POST', body });
    say(pass?.state === 'WAITING'
      ? `Approved when a place frees: ${entry.pass.student.name}, ${pass.status}.`
      : `Approved: ${entry.pass.student.name} to ${entry.pass.destination.name}.`);
    entry.li.remove();
    requests.delete(entry.pass.id);
    refresh();
  } catch (e) {
    if (e.status === 409 && Array.isArray(e.problem.flags)) {
      // the facts moved since the teacher looked: show the new flags and ask again
      showFlags(entry, e.problem.flags);
      entry.approve.textContent = 'Approve anyway';
    }
    showError(entry.problem, e);
  } finally {
    busy(entry, false);
  }
}

async function deny(entry) {
  busy(entry, true);
  showError(entry.problem, null);
  const reason = entry.reason.value.trim();
  try {
    await api(`/api/passes/${entry.pass.id}/deny`, { method: 'POST', body: reason ? { reason } : {} });
    say(`Denied: ${entry.pass.student.name} to ${entry.pass.destination.name}.`);
    entry.li.remove();
    requests.delete(entry.pass.id);
    refresh();
  } catch (e) {
    showError(entry.problem, e);
  } finally {
    busy(entry, false);
  }
}

// ---------------------------------------------------------------- arrivals (destinations the teacher staffs)

async function checkIn(passId, name) {
  try {
    await api(`/api/passes/${encodeURIComponent(passId)}/check-in`, { method: 'POST' });
    say(`Checked in${name ? `: ${name}` : ''}.`);
    showError($('arriving-error'), null);
  } catch (e) {
    showError($('arriving-error'), e);
    selectTab('arriving');
  }
  refresh();
}

function from(p) {
  const d = p.departingFrom;
  return [d?.section, d?.teacher?.name, d?.room?.name].filter(Boolean).join(', ');
}

let staffsDestination = null;

/** GET /api/arrivals: per destination, who is on the way (check in) and who is in the room now. */
async function loadArrivals() {
  const view = await api('/api/arrivals');
  staffsDestination = view.destinations.length > 0;
  $('tab-arriving').hidden = !staffsDestination;
  let coming = 0;
  $('arrivals').replaceChildren(...view.destinations.map((d, i) => {
    coming += d.onTheWay.length;
    return el('section', { class: 'destination', 'aria-labelledby': `destination-${i}`, dataset: { destinationId: d.destination.id } },
      el('h2', { id: `destination-${i}` }, d.destination.name,
        el('span', { class: 'count' }, d.capacity ? ` · ${d.onTheWay.length} of ${d.capacity} places taken` : '')),
      el('h3', {}, `On the way (${d.onTheWay.length})`),
      d.onTheWay.length ? el('ul', { class: 'list on-the-way' }, d.onTheWay.map(p => el('li', { class: 'item arriving', dataset: { passId: p.id } },
        el('h4', {}, p.student.name),
        el('p', { class: 'meta' }, [from(p) && `from ${from(p)}`, p.startedAt && `left ${time(p.startedAt)}`].filter(Boolean).join(' · ')),
        el('p', { class: 'status' }, p.status),
        p.actions.includes('check-in') ? el('div', { class: 'actions' },
          el('button', { type: 'button', class: 'primary', onclick: () => checkIn(p.id, p.student.name) },
            `Check in ${p.student.name}`)) : null)))
        : el('p', { class: 'notice' }, 'Nobody is on the way.'),
      el('h3', {}, `In the room now (${d.here.length})`),
      d.here.length ? el('ul', { class: 'list in-room' }, d.here.map(p => el('li', { class: 'item here', dataset: { passId: p.id } },
        el('h4', {}, p.student.name),
        el('p', { class: 'meta' }, [`arrived ${time(p.endedAt)}`, from(p) && `from ${from(p)}`].filter(Boolean).join(' · ')))))
        : el('p', { class: 'notice' }, `Nobody checked in since ${time(d.hereSince)}.`));
  }));
  $('arriving-count').textContent = `(${coming})`;
}

// ---------------------------------------------------------------- notifications

function setUnread(count) {
  const dot = $('unread');
  dot.hidden = !count;
  dot.replaceChildren(String(count), el('span', { class: 'visually-hidden' }, ' unread'));
}

async function markSeen(id) {
  try {
    await api(`/api/notifications/${encodeURIComponent(id)}/seen`, { method: 'POST' });
  } catch (e) {
    showError($('inbox-error'), e);
    return;
  }
  await guarded($('inbox-error'), loadInbox);
}

/** A request still waiting for this teacher (the Requests tab has it), found by its pass id. */
function pendingRequest(passId) {
  const entry = requests.get(passId);
  return entry && entry.pass.actions.includes('approve') ? entry : null;
}

/**
 * Approves or denies a request from wherever the teacher is (a popup, the notification centre), as the
 * Requests tab would; a refusal is thrown to the caller, which shows it where the button is.
 */
async function decide(passId, verb, reason) {
  if (!requests.has(passId)) {
    await loadRequests();
  }
  const entry = requests.get(passId);
  const body = verb === 'approve' ? { acknowledgedFlags: entry?.codes ?? [] } : (reason ? { reason } : {});
  try {
    const pass = await api(`/api/passes/${encodeURIComponent(passId)}/${verb}`, { method: 'POST', body });
    say(`${verb === 'approve' ? 'Approved' : 'Denied'}: ${pass.student.name} to ${pass.destination.name}.`);
  } catch (e) {
    if (e.status === 409 && Array.isArray(e.problem.flags) && entry) {
      showFlags(entry, e.problem.flags);
      entry.approve.textContent = 'Approve anyway';
    }
    throw e;
  }
  if (entry) {
    entry.li.remove();
    requests.delete(passId);
  }
  removePopups($('toasts'), [...$('toasts').querySelectorAll('.toast')].filter(t => t.dataset.passId === passId));
  refresh();
}

/** What a popup or a notification about a request shows and offers: its flags, Approve, Deny with a reason. */
function requestControls(passId, idPrefix) {
  const reasonId = `${idPrefix}-reason-${passId}`;
  const flags = el('ul', { class: 'flags', 'aria-label': 'Flags', hidden: true });
  const reason = el('input', { type: 'text', id: reasonId, class: 'reason', maxlength: 500, autocomplete: 'off' });
  const fill = () => {
    const entry = requests.get(passId);
    const shown = entry?.pass.flags ?? [];
    flags.replaceChildren(...flagList(shown));
    flags.hidden = shown.length === 0;
  };
  fill();
  return {
    flags,
    fill,
    reasonField: el('div', { class: 'deny-reason' }, el('label', { for: reasonId }, 'Reason to deny (optional)'), reason),
    reason: () => reason.value.trim(),
  };
}

function actionsFor(n, controls) {
  const actions = [];
  if (REQUEST_KINDS.has(n.kind) && n.passId) {
    if (controls) {
      actions.push({ name: 'approve', label: 'Approve', run: () => decide(n.passId, 'approve') });
      actions.push({ name: 'deny', label: 'Deny', tone: 'danger', run: () => decide(n.passId, 'deny', controls.reason()) });
    }
    actions.push({ name: 'open', label: 'Open', tone: 'secondary', run: () => openRequest(n.passId, true) });
  }
  if (n.kind === 'ON_THE_WAY' && n.passId) {
    actions.push({ name: 'check-in', label: 'Check in', run: () => checkIn(n.passId) });
  }
  return actions;
}

async function loadInbox() {
  const inbox = await api('/api/notifications?limit=50');
  setUnread(inbox.unreadCount);
  $('inbox-list').replaceChildren(...inbox.notifications.map(n => {
    const pending = REQUEST_KINDS.has(n.kind) && n.passId && pendingRequest(n.passId) ? requestControls(n.passId, 'inbox') : null;
    const problem = el('p', { class: 'problem', role: 'alert', hidden: true });
    const run = action => async e => {
      const button = e.currentTarget;
      button.disabled = true;
      showError(problem, null);
      try {
        await action.run();
      } catch (err) {
        showError(problem, err);
      } finally {
        button.disabled = false;
      }
    };
    return el('li', { class: n.seenAt ? 'item' : 'item unseen', dataset: { id: n.id, kind: n.kind, passId: n.passId || '' } },
      el('h3', {}, n.title, n.seenAt ? null : el('span', { class: 'visually-hidden' }, ' (unread)')),
      n.body ? el('p', {}, n.body) : null,
      el('p', { class: 'when' }, dateTime(n.createdAt)),
      pending ? [pending.flags, pending.reasonField] : null,
      problem,
      el('div', { class: 'actions' },
        actionsFor(n, pending).map(a => el('button', { type: 'button', class: a.tone || 'primary', dataset: { action: a.name }, onclick: run(a) }, a.label)),
        n.seenAt ? null : el('button', { type: 'button', onclick: () => markSeen(n.id) }, 'Mark seen')));
  }));
  if (!inbox.notifications.length) {
    $('inbox-list').replaceChildren(el('li', { class: 'notice' }, 'No notifications.'));
  }
}

/** The notification centre: a panel over the page; Escape, Close or a click outside it closes it. */
let devices = null;

function openInbox() {
  $('inbox').hidden = false;
  $('bell').setAttribute('aria-expanded', 'true');
  $('inbox-title').focus();
  guarded($('inbox-error'), loadInbox);
  // notifications on this device: drawn when first wanted, then kept current
  if (devices) {
    devices.refresh();
  } else {
    devices = pushSettings($('push'));
  }
}

function closeInbox(returnFocus = true) {
  if ($('inbox').hidden) {
    return;
  }
  $('inbox').hidden = true;
  $('bell').setAttribute('aria-expanded', 'false');
  if (returnFocus) {
    $('bell').focus();
  }
}

$('bell').addEventListener('click', () => ($('inbox').hidden ? openInbox() : closeInbox()));
$('inbox-close').addEventListener('click', () => closeInbox());
document.addEventListener('keydown', e => {
  if (e.key === 'Escape' && !$('inbox').hidden) {
    e.preventDefault();
    closeInbox();
  }
});
document.addEventListener('click', e => {
  if (!$('inbox').hidden && !$('inbox').contains(e.target) && !$('bell').contains(e.target)
    && !$('toasts').contains(e.target) && e.target.isConnected) {
    closeInbox(false);
  }
});

$('all-seen').addEventListener('click', async () => {
  try {
    const marked = await api('/api/notifications/seen', { method: 'POST' });
    setUnread(marked.unreadCount);
  } catch (e) {
    showError($('inbox-error'), e);
  }
  await guarded($('inbox-error'), loadInbox);
});

// ---------------------------------------------------------------- a student's card: mark back, a pass now, an appointment

let me = null;
let destinations = null;
let current = null;

async function destinationChoices() {
  destinations ??= await api(`/api/schools/${encodeURIComponent(me.schoolId)}/destinations`);
  return [el('option', { value: '' }, 'Choose where to go'),
    ...destinations.map(d => el('option', { value: d.id, disabled: !d.open },
      d.open ? d.name : `${d.name} (closed)`))];
}

async function openStudent(student, section, out, opener) {
  current = { student, section, out, opener };
  const dialog = $('student-dialog');
  $('student-title').textContent = student.name;
  $('student-where').textContent = out
    ? `Out: ${out.destination?.name ?? ''}${out.startedAt ? ` since ${time(out.startedAt)}` : ''} · ${section.name}`
    : `In class: ${section.name}`;
  $('student-out').hidden = !out;
  showError($('student-problem'), null);
  for (const form of [$('proxy-form'), $('appointment-form')]) {
    showProblem(form, null);
    form.reset();
    form.key = null;
  }
  // a student out already has their open pass: a new one now would be refused
  $('proxy-form').hidden = Boolean(out);
  dialog.showModal();
  ($('student-out').hidden ? $('proxy-form').hidden ? $('appointment-destination') : $('proxy-destination') : $('student-end')).focus();
  try {
    const choices = await destinationChoices();
    $('proxy-destination').replaceChildren(...choices.map(o => o.cloneNode(true)));
    $('appointment-destination').replaceChildren(...choices.map(o => o.cloneNode(true)));
  } catch (e) {
    showError($('student-problem'), e);
  }
}

function closeStudent() {
  $('student-dialog').close();
}

$('student-close').addEventListener('click', closeStudent);
$('student-dialog').addEventListener('close', () => current?.opener?.isConnected && current.opener.focus());

$('student-end').addEventListener('click', async () => {
  const button = $('student-end');
  button.disabled = true;
  showError($('student-problem'), null);
  try {
    await api(`/api/passes/${encodeURIComponent(current.out.passId)}/end`, { method: 'POST' });
    say(`${current.student.name} is back: pass ended.`);
    closeStudent();
    refresh();
  } catch (e) {
    showError($('student-problem'), e);
  } finally {
    button.disabled = false;
  }
});

async function sendPass(form, body, done) {
  const button = form.querySelector('button[type="submit"]');
  if (button.disabled) {
    return;
  }
  button.disabled = true;
  showProblem(form, null);
  form.key ??= newKey();
  try {
    const pass = await api('/api/passes', { method: 'POST', headers: { 'Idempotency-Key': form.key }, body });
    form.key = null;
    say(done(pass));
    closeStudent();
    refresh();
  } catch (e) {
    if (e.status !== 0) {
      form.key = null;
    }
    showProblem(form, e);
  } finally {
    button.disabled = false;
  }
}

$('proxy-form').addEventListener('input', () => { $('proxy-form').key = null; });
$('appointment-form').addEventListener('input', () => { $('appointment-form').key = null; });

$('proxy-form').addEventListener('submit', e => {
  e.preventDefault();
  const destinationId = $('proxy-destination').value;
  if (!destinationId) {
    showProblem($('proxy-form'), formProblem({ destinationId: 'Choose where the student is going.' }));
    return;
  }
  sendPass($('proxy-form'), {
    type: 'PROXY', studentId: current.student.id, departingFromSectionId: current.section.id, destinationId,
  }, pass => `Pass issued: ${pass.student.name} to ${pass.destination.name}.`);
});

$('appointment-form').addEventListener('submit', e => {
  e.preventDefault();
  const destinationId = $('appointment-destination').value;
  const at = $('appointment-at').value;
  if (!destinationId || !at) {
    showProblem($('appointment-form'), formProblem({
      ...(destinationId ? {} : { destinationId: 'Choose where the student is going.' }),
      ...(at ? {} : { startsAt: 'Say when the appointment is.' }),
    }));
    return;
  }
  const note = $('appointment-note').value.trim();
  sendPass($('appointment-form'), {
    type: 'APPOINTMENT', studentId: current.student.id, destinationId, startsAt: instantOnSchoolClock(at),
    note: note || undefined,
  }, pass => `Appointment booked: ${pass.student.name} to ${pass.destination.name}, ${dateTime(pass.startsAt)}.`);
});

// ---------------------------------------------------------------- start

const refresh = every(30000, () => Promise.all([
  guarded($('class-error'), loadClass),
  guarded($('requests-error'), loadRequests),
  guarded($('inbox-error'), loadInbox),
  guarded($('arriving-error'), loadArrivals),
]), e => showError(error, e));

/**
 * A refresh shortly after a notification: a burst of them makes one refresh, and the server has written
 * the popup's delivery before the Requests tab is listed again (both mark the request delivered).
 */
let soon = null;
function refreshSoon() {
  clearTimeout(soon);
  soon = setTimeout(refresh, 300);
}

/** A request's popup offers Approve and Deny at once; its flags fill in as soon as the request is listed. */
async function requestPopup(n) {
  const controls = requestControls(n.passId, 'popup');
  toast($('toasts'), {
    title: n.title, body: n.body, kind: n.kind, passId: n.passId,
    content: [controls.flags, controls.reasonField],
    actions: actionsFor(n, controls),
  });
  await guarded($('requests-error'), loadRequests);
  controls.fill();
}

/**
 * A browser notification leads to a tab: /teacher.html#requests or #arriving opens it, also in a window
 * already open (the service worker asks it by message).
 */
function openTabOf(hash) {
  const tab = { '#requests': 'requests', '#arriving': 'arriving', '#class': 'class' }[hash];
  if (tab && !$(`tab-${tab}`).hidden) {
    selectTab(tab, true);
  }
}

window.addEventListener('hashchange', () => openTabOf(location.hash));
navigator.serviceWorker?.addEventListener('message', e => {
  if (e.data?.corridor === 'open') {
    openTabOf(e.data.hash);
    refresh();
  }
});

async function start() {
  me = await openScreen({ role: 'TEACHER', people: 'teachers' });
  if (!me) {
    $('classes').replaceChildren(el('p', {}, el('a', { href: '/' }, 'Back to the start page')));
    return;
  }
  popupRegion($('toasts'), { onMore: openInbox });
  await refresh();
  // a destination teacher with no class now (Mr Okafor in the Library) lands on the arrivals
  if (staffsDestination && classCount === 0) {
    selectTab('arriving');
  }
  openTabOf(location.hash);
  let wasLive = null;
  listen({
    onUnread: setUnread,
    onNotification: n => {
      if (REQUEST_KINDS.has(n.kind) && n.passId) {
        requestPopup(n);
      } else {
        toast($('toasts'), { title: n.title, body: n.body, kind: n.kind, passId: n.passId, actions: actionsFor(n) });
      }
      refreshSoon();
    },
    onLive: live => {
      if (live !== wasLive) {
        say(live ? (wasLive === null ? '' : 'Live updates are back.')
          : 'Live updates are interrupted; the screen still refreshes every 30 seconds.');
        wasLive = live;
      }
    },
  });
}

start();
