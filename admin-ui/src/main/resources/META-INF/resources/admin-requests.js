// The administrator's Requests view: requests escalated because their teacher did not open them, with
// approve, deny (optional reason) and cancel, as the routed teacher has. Live: an escalation arrives over the
// person's notification stream; the list is read again then, and every 30 seconds. REST API only.
import { api, byId as $, confirmThen, el, every, listen, showError, time, toast } from '/corridor.js';
import { openScreen } from '/layout.js';
import { pushSettings } from '/push-devices.js';

const say = sentence => { $('live').textContent = sentence; };

/** The cards on screen, by pass id; kept across refreshes so a half-typed reason survives. */
const cards = new Map();

function flagList(flags) {
  return flags.map(f => el('li', { class: `flag ${f.severity.toLowerCase()}`, dataset: { code: f.code } },
    el('span', { class: 'severity' }, f.severity), f.message));
}

function update(card, pass) {
  card.pass = pass;
  card.title.textContent = `${pass.student.name} → ${pass.destination.name}`;
  const from = pass.departingFrom;
  card.meta.replaceChildren([
    from ? `leaving ${from.section}${from.room ? `, ${from.room.name}` : ''}` : null,
    pass.routedTo ? `sent to ${pass.routedTo.name} at ${time(pass.requestedAt)}` : `asked ${time(pass.requestedAt)}`,
    pass.escalatedAt ? `escalated ${time(pass.escalatedAt)}` : null,
  ].filter(Boolean).join(' · '));
  card.note.hidden = !pass.note;
  card.note.textContent = pass.note ? `Note: “${pass.note}”` : '';
  card.status.textContent = pass.status;
  card.codes = (pass.flags || []).map(f => f.code);
  card.flags.replaceChildren(...flagList(pass.flags || []));
  card.flags.hidden = !(pass.flags || []).length;
  card.approve.hidden = !pass.actions.includes('approve');
  card.deny.hidden = !pass.actions.includes('deny');
  card.denyReason.hidden = card.deny.hidden;
  card.cancel.hidden = !pass.actions.includes('cancel');
}

function create(pass) {
  const card = {};
  const reasonId = `reason-${pass.id}`;
  card.title = el('span');
  card.meta = el('p', { class: 'meta' });
  card.note = el('p', { class: 'note' });
  card.status = el('p', { class: 'status' });
  card.flags = el('ul', { class: 'flags', 'aria-label': 'Flags' });
  card.problem = el('p', { class: 'problem', role: 'alert', hidden: true });
  card.approve = el('button', { type: 'button', class: 'primary approve', onclick: () => approve(card) }, 'Approve');
  card.reason = el('input', { type: 'text', id: reasonId, class: 'reason', maxlength: 500, autocomplete: 'off', name: 'reason' });
  card.denyReason = el('div', { class: 'deny-reason' }, el('label', { for: reasonId }, 'Reason to deny (optional)'), card.reason);
  card.deny = el('button', { type: 'button', class: 'danger deny', onclick: () => deny(card) }, 'Deny');
  card.cancel = el('button', { type: 'button', class: 'cancel', onclick: () => cancel(card) }, 'Cancel request');
  card.li = el('li', { class: 'item request', dataset: { passId: pass.id } },
    el('h3', {}, card.title), card.meta, card.note, card.status, card.flags, card.problem,
    el('div', { class: 'actions' }, card.approve, card.denyReason, card.deny, card.cancel));
  return card;
}

async function load() {
  const list = await api('/api/admin/requests');
  const container = $('requests');
  const shown = new Set();
  list.forEach((pass, index) => {
    shown.add(pass.id);
    let card = cards.get(pass.id);
    if (!card) {
      card = create(pass);
      cards.set(pass.id, card);
    }
    update(card, pass);
    if (container.children[index] !== card.li) {
      container.insertBefore(card.li, container.children[index] || null);
    }
  });
  for (const [id, card] of cards) {
    if (!shown.has(id)) {
      card.li.remove();
      cards.delete(id);
    }
  }
  $('requests-count').textContent = `(${cards.size})`;
  $('no-requests').hidden = cards.size > 0;
}

function busy(card, on) {
  for (const button of [card.approve, card.deny, card.cancel]) {
    button.disabled = on;
  }
}

/** Runs a decision on a card: on success the card goes, on refusal the problem is shown on it. */
async function decide(card, call, done) {
  busy(card, true);
  showError(card.problem, null);
  try {
    await call();
    say(done);
    card.li.remove();
    cards.delete(card.pass.id);
    refresh();
  } catch (e) {
    if (e.status === 409 && Array.isArray(e.problem.flags)) {
      // the facts moved since the list was read: show the new flags and ask again
      card.codes = e.problem.flags.map(f => f.code);
      card.flags.replaceChildren(...flagList(e.problem.flags));
      card.flags.hidden = false;
      card.approve.textContent = 'Approve anyway';
    }
    showError(card.problem, e);
    throw e;
  } finally {
    busy(card, false);
  }
}

function approve(card) {
  const { id, student, destination } = card.pass;
  decide(card, () => api(`/api/passes/${encodeURIComponent(id)}/approve`, { method: 'POST', body: { acknowledgedFlags: card.codes } }),
    `Approved: ${student.name} to ${destination.name}.`).catch(() => {});
}

function deny(card) {
  const { id, student, destination } = card.pass;
  const reason = card.reason.value.trim();
  decide(card, () => api(`/api/passes/${encodeURIComponent(id)}/deny`, { method: 'POST', body: reason ? { reason } : {} }),
    `Denied: ${student.name} to ${destination.name}.`).catch(() => {});
}

function cancel(card) {
  const { id, student, destination } = card.pass;
  confirmThen({
    tone: 'danger',
    title: `Cancel ${student.name}'s request to ${destination.name}?`,
    body: [el('p', {}, `${student.name} is told it was cancelled; nobody needs to decide it any more.`)],
    yes: 'Cancel the request',
    action: () => decide(card, () => api(`/api/passes/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
      `Cancelled: ${student.name} to ${destination.name}.`),
  });
}

const refresh = every(30000, load, e => showError($('error'), e));

let soon = null;
function refreshSoon() {
  clearTimeout(soon);
  soon = setTimeout(refresh, 300);
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  await refresh();
  pushSettings($('push'), { headingLevel: 2 });
  document.body.dataset.ready = 'true';
  listen({
    onNotification: n => {
      if (n.kind === 'REQUEST_ESCALATED') {
        toast($('toasts'), { title: n.title, body: n.body, kind: n.kind, passId: n.passId, actions: [] });
      }
      refreshSoon();
    },
    onLive: on => {
      $('connection').textContent = on ? 'Live: new escalations appear here as they happen.'
        : 'Live updates are interrupted; the list still refreshes every 30 seconds.';
    },
  });
}

start();
