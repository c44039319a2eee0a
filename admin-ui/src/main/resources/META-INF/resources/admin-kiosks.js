// Kiosks: issue one for a room (its pairing code and token shown once, with how to pair the device), the
// list with last use and heartbeat (offline since), a new pairing code, revoke one. Administrators only;
// the school comes from the picker (school-picker.js).
import { api, byId as $, clearProblem, confirmThen, dateTime, el, showError, showProblem } from '/corridor.js';
import { openScreen } from '/layout.js';
import { pickSchool } from '/school-picker.js';

const BASE = '/api/admin/kiosks';
const live = message => { $('live').textContent = message; };
const when = iso => (iso ? el('time', { datetime: iso }, dateTime(iso)) : '');

/** The school picked: its rooms are offered, its kiosks listed. */
let school = null;

/** The rooms a kiosk can stand in: the school's classrooms first, then its destinations. */
async function loadRooms() {
  const locations = await api(`/api/admin/schools/${encodeURIComponent(school.id)}/locations`);
  const group = (label, list) => el('optgroup', { label },
    ...list.map(l => el('option', { value: l.id }, l.name)));
  $('room').replaceChildren(
    el('option', { value: '' }, 'Choose the room'),
    group('Classrooms', locations.filter(l => !l.destination)),
    group('Destinations', locations.filter(l => l.destination)));
}

/** A district administrator is answered every school's kiosks: the list keeps the picked school's. */
async function refresh() {
  const kiosks = (await api(BASE)).filter(k => k.schoolId === school.id);
  $('empty').hidden = kiosks.length > 0;
  $('kiosks').tBodies[0].replaceChildren(...kiosks.map(k => el('tr', {},
    el('th', { scope: 'row' }, k.name),
    el('td', {}, k.room?.name ?? ''),
    el('td', {}, when(k.createdAt)),
    el('td', {}, k.lastUsedAt ? when(k.lastUsedAt) : 'Never'),
    el('td', {}, health(k)),
    el('td', {}, k.revokedAt ? ['Revoked ', when(k.revokedAt)] : 'In use'),
    el('td', { class: 'actions' }, k.revokedAt ? '' : [
      el('button', { type: 'button', onclick: () => newCode(k) }, `New pairing code for ${k.name}`),
      el('button', { type: 'button', class: 'danger', onclick: () => revoke(k) }, `Revoke ${k.name}`)]))));
}

/** The page beats every minute; three minutes of silence is offline. */
function health(k) {
  if (k.revokedAt) {
    return '';
  }
  if (k.offlineSince) {
    return el('strong', { class: 'offline' }, 'Offline since ', when(k.offlineSince));
  }
  if (k.lastHeartbeatAt) {
    return ['Online, last heartbeat ', when(k.lastHeartbeatAt)];
  }
  return k.pairingCodeExpiresAt ? ['Not paired yet (code valid until ', when(k.pairingCodeExpiresAt), ')']
    : 'No heartbeat yet';
}

async function newCode(k) {
  hideToken();
  try {
    const made = await api(`${BASE}/${encodeURIComponent(k.id)}/pairing-code`, { method: 'POST' });
    showToken({ name: made.name, room: made.room, pairingCode: made.pairingCode,
      pairingCodeExpiresAt: made.pairingCodeExpiresAt });
    live(`New pairing code for ${made.name}; the earlier code no longer works.`);
    await refresh();
  } catch (e) {
    showError($('error'), e);
  }
}

async function issue(event) {
  event.preventDefault();
  const form = $('new-form');
  clearProblem(form, $('new-error'));
  hideToken();
  const body = { name: $('name').value.trim(), roomId: $('room').value };
  $('issue').disabled = true;
  try {
    const made = await api(BASE, { method: 'POST', body });
    showToken(made);
    form.reset();
    live(`Kiosk ${made.name} issued for ${made.room.name}. Its pairing code and token are shown below, once.`);
    await refresh();
  } catch (e) {
    showProblem(form, e, { alert: $('new-error') });
  } finally {
    $('issue').disabled = false;
  }
}

function showToken(made) {
  $('issued-name').textContent = made.name;
  $('issued-room').textContent = made.room?.name ?? '';
  $('kiosk-address').textContent = `${location.origin}/kiosk`;
  $('pairing-code').textContent = made.pairingCode;
  $('code-expires').replaceChildren(when(made.pairingCodeExpiresAt));
  $('token').textContent = made.token ?? '';
  $('token-part').hidden = !made.token;
  $('issued').hidden = false;
  $('issued').focus();
}

/** The token leaves the page as soon as the administrator is done with it. */
function hideToken() {
  $('token').textContent = '';
  $('pairing-code').textContent = '';
  $('issued').hidden = true;
}

async function copyToken() {
  try {
    await navigator.clipboard.writeText($('token').textContent);
    live('Token copied.');
  } catch {
    live('This browser did not copy it: select the token and copy it by hand.');
  }
}

function revoke(k) {
  confirmThen({
    tone: 'danger',
    title: `Revoke ${k.name}?`,
    body: [el('p', {}, `The kiosk in ${k.room?.name ?? 'its room'} stops working at its next request, and its `
      + 'token is never accepted again. To use the device again, issue a new kiosk.')],
    yes: `Revoke ${k.name}`,
    action: async () => {
      await api(`${BASE}/${encodeURIComponent(k.id)}`, { method: 'DELETE' });
      live(`Revoked: ${k.name}.`);
      await refresh();
    },
  });
}

async function show(chosen) {
  school = chosen;
  hideToken();
  clearProblem($('new-form'), $('new-error'));
  await Promise.all([loadRooms(), refresh()]);
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  $('new-form').addEventListener('submit', issue);
  $('copy').addEventListener('click', copyToken);
  $('done').addEventListener('click', () => {
    hideToken();
    $('name').focus();
  });
  try {
    const chosen = await pickSchool($('school-picker'), other => show(other).catch(e => showError($('error'), e)));
    if (!chosen) {
      return;
    }
    await show(chosen);
  } catch (e) {
    showError($('error'), e);
    return;
  }
  document.body.dataset.ready = 'true';
}

start();
