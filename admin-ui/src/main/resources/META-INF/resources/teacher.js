// The teacher's screen: the class with the badges of students who are out, the Requests tab, students on
// the way to the teacher, the notification bell and live popups. Talks to the REST API only; the buttons on
// a pass are the actions the server offers for it.
import { api, byId as $, el, every, listen, showError, time, toast } from '/corridor.js';
import { openScreen } from '/layout.js';

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

function studentCard(student) {
  // pending requests show no badge: only a pass the student is out on (or was ended out) has a colour
  const out = student.badge && student.badge.color && student.badge.state !== 'PENDING' ? student.badge : null;
  const waiting = student.badge && student.badge.state === 'WAITING' ? student.badge : null;
  return el('li', {
    class: out ? `card out ${out.color.toLowerCase()}` : 'card',
    dataset: { studentId: student.id, studentName: student.name },
  },
  el('div', { class: 'name' }, student.name),
  student.studentNumber ? el('div', { class: 'number' }, `No. ${student.studentNumber}`) : null,
  out ? badge(out) : null,
  waiting ? waitingBadge(waiting) : null);
}

async function loadClass() {
  const view = await api('/api/classes/current');
  const container = $('classes');
  if (!view.classes.length) {
    container.replaceChildren(el('p', { class: 'notice' }, 'You have no class in session now.'));
    return;
  }
  container.replaceChildren(...view.classes.map((c, i) => el('section', { 'aria-labelledby': `class-${i}` },
    el('h2', { id: `class-${i}` }, c.section.name),
    el('p', { class: 'notice' }, [c.period?.name, c.room?.name].filter(Boolean).join(' · ')),
    el('ul', { class: 'cards' }, c.students.map(studentCard)))));
}

// ---------------------------------------------------------------- requests tab

/** The request cards on screen, by pass id; kept across refreshes so a half-typed reason survives. */
const requests = new Map();

function flagList(flags) {
  return flags.map(f => el('li', { class: `flag ${f.severity.toLowerCase()}`, dataset: { code: f.code } },
    el('span', { class: 'severity' }, f.severity), f.message));
}

function showFlags(entry, flags) {
  entry.codes = flags.map(f => f.code);
  entry.flags.replaceChildren(...flagList(flags));
  entry.flags.hidden = flags.length === 0;
}

function updateRequest(entry, pass) {
  entry.pass = pass;
  entry.title.textContent = `${pass.student.name} → ${pass.destination.name}`;
  entry.meta.replaceChildren(
    [pass.autoPass ? 'Auto pass that needs approval' : 'Regular pass', `asked ${time(pass.requestedAt)}`,
      pass.autoPassRefused].filter(Boolean).join(' · '),
    pass.note ? el('span', {}, ` · Note: “${pass.note}”`) : null);
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
  entry.reason = el('input', { type: 'text', id: reasonId, class: 'reason', maxlength: 500, autocomplete: 'off' });
  entry.deny = el('button', { type: 'button', class: 'danger deny', onclick: () => deny(entry) }, 'Deny');
  entry.denyReason = el('div', { class: 'deny-reason' }, el('label', { for: reasonId }, 'Reason to deny (optional)'), entry.reason);
  entry.li = el('li', { class: 'item request', dataset: { passId: pass.id } },
    el('h3', {}, entry.title),
    entry.meta, entry.status, entry.flags, entry.problem,
    el('div', { class: 'actions' },
      entry.approve,
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
  for (const popup of $('toasts').querySelectorAll('.toast')) {
    if (REQUEST_KINDS.has(popup.dataset.kind) && popup.shownAt < asked && !requests.has(popup.dataset.passId)) {
      popup.remove();
    }
  }
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
  entry.deny.disabled = on;
}

async function approve(entry) {
  busy(entry, true);
  showError(entry.problem, null);
  try {
    await api(`/api/passes/${entry.pass.id}/approve`, { method: 'POST', body: { acknowledgedFlags: entry.codes } });
    say(`Approved: ${entry.pass.student.name} to ${entry.pass.destination.name}.`);
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

// ---------------------------------------------------------------- on the way (check-in)

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

/** Passes announced to this teacher as "on the way" that are still out. */
async function loadArriving(notifications) {
  const ids = [...new Set(notifications.filter(n => n.kind === 'ON_THE_WAY' && n.passId).map(n => n.passId))];
  const passes = (await Promise.all(ids.map(id => api(`/api/passes/${encodeURIComponent(id)}`).catch(() => null))))
    .filter(p => p?.actions.includes('check-in'));
  $('arriving').replaceChildren(...passes.map(p => el('li', { class: 'item arriving', dataset: { passId: p.id } },
    el('h3', {}, `${p.student.name} → ${p.destination.name}`),
    el('p', { class: 'status' }, p.status),
    el('p', { class: 'meta' }, `from ${p.departingFrom?.teacher?.name ?? ''}${p.departingFrom?.room ? `, ${p.departingFrom.room.name}` : ''}`
      + (p.startedAt ? ` · left ${time(p.startedAt)}` : '')),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', onclick: () => checkIn(p.id, p.student.name) },
        `Check in ${p.student.name}`)))));
  $('arriving-count').textContent = `(${passes.length})`;
  $('no-arriving').hidden = passes.length > 0;
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

function actionsFor(n) {
  const actions = [];
  if (REQUEST_KINDS.has(n.kind) && n.passId) {
    actions.push({ label: 'Open', run: () => openRequest(n.passId, true) });
  }
  if (n.kind === 'ON_THE_WAY' && n.passId) {
    actions.push({ label: 'Check in', run: () => checkIn(n.passId) });
  }
  return actions;
}

async function loadInbox() {
  const inbox = await api('/api/notifications?limit=50');
  setUnread(inbox.unreadCount);
  $('inbox-list').replaceChildren(...inbox.notifications.map(n => el('li',
    { class: n.seenAt ? 'item' : 'item unseen', dataset: { id: n.id, kind: n.kind } },
    el('h3', {}, n.title, n.seenAt ? null : el('span', { class: 'visually-hidden' }, ' (unread)')),
    n.body ? el('p', {}, n.body) : null,
    el('p', { class: 'when' }, time(n.createdAt)),
    el('div', { class: 'actions' },
      actionsFor(n).map(a => el('button', { type: 'button', onclick: a.run }, a.label)),
      n.seenAt ? null : el('button', { type: 'button', onclick: () => markSeen(n.id) }, 'Mark seen')))));
  if (!inbox.notifications.length) {
    $('inbox-list').replaceChildren(el('li', { class: 'notice' }, 'No notifications.'));
  }
  await guarded($('arriving-error'), () => loadArriving(inbox.notifications));
}

$('bell').addEventListener('click', () => {
  const inbox = $('inbox');
  inbox.hidden = !inbox.hidden;
  $('bell').setAttribute('aria-expanded', String(!inbox.hidden));
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

// ---------------------------------------------------------------- start

const refresh = every(30000, () => Promise.all([
  guarded($('class-error'), loadClass),
  guarded($('requests-error'), loadRequests),
  guarded($('inbox-error'), loadInbox),
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

async function start() {
  const me = await openScreen({ role: 'TEACHER', people: 'teachers' });
  if (!me) {
    $('classes').replaceChildren(el('p', {}, el('a', { href: '/' }, 'Back to the start page')));
    return;
  }
  await refresh();
  let wasLive = null;
  listen({
    onUnread: setUnread,
    onNotification: n => {
      toast($('toasts'), { title: n.title, body: n.body, kind: n.kind, passId: n.passId, actions: actionsFor(n) });
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
