// What every Corridor screen shares: calls to the REST API (session cookie + CSRF header), problems shown
// in the alert region and next to the fields they name, the notification stream, popups and a few DOM
// helpers. No framework, no build. The bar, the navigation and the sign-in guard are in layout.js.

/** A call that did not succeed; the message is the problem's `detail` (RFC 9457), verbatim. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
  }
}

/** The CSRF token Spring Security keeps in the XSRF-TOKEN cookie (readable by scripts on purpose). */
export function csrfToken() {
  const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : null;
}

/**
 * Covering a class: an administrator chooses a teacher (kept in this tab's sessionStorage) and the teacher's
 * screens then call the API with X-Act-As, so they show that teacher's class and requests. Only a screen
 * meant for teachers turns it on (openScreen in layout.js, with useActAs); the administrator's own screens
 * never send it. The server checks and records it: actions name the administrator, on the teacher's behalf.
 */
const ACT_AS = 'corridor.actAs';
let actingAs = null;

/** The teacher chosen to act as in this tab ({ id, name }), or null. */
export function actAsChoice() {
  try {
    const choice = JSON.parse(sessionStorage.getItem(ACT_AS));
    return choice?.id ? choice : null;
  } catch {
    return null;
  }
}

/** Chooses the teacher whose screens this tab shows next. */
export function chooseActAs(teacher) {
  sessionStorage.setItem(ACT_AS, JSON.stringify({ id: teacher.id, name: teacher.name }));
}

/** Back to one's own screens. */
export function stopActingAs() {
  sessionStorage.removeItem(ACT_AS);
  actingAs = null;
}

/** This page's calls act as the teacher chosen (or as the signed-in person again, with null). */
export function useActAs(choice) {
  actingAs = choice?.id ?? null;
}

/**
 * Calls the API as the signed-in person: same-origin credentials, JSON both ways, and for anything but
 * GET the X-XSRF-TOKEN header. Resolves to the parsed body (or null); rejects with an ApiError.
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(path, method, body, headers);
    } catch (e) {
      // A read can meet a concurrent write of the same row: listing requests marks them delivered while
      // the popup's delivery does too, which ends in a 409 "reload and try again" or, on MariaDB, a
      // deadlock answered as a 500. A GET changes nothing the person asked for, so it tries twice more.
      const transient = (e.status === 409 && String(e.problem.type).endsWith('/concurrent-change')) || e.status >= 500;
      if (method !== 'GET' || attempt > 2 || !transient) {
        throw e;
      }
      await new Promise(resolve => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function call(path, method, body, headers) {
  const sent = { Accept: 'application/json, application/problem+json', ...headers };
  if (actingAs) {
    sent['X-Act-As'] = actingAs;
  }
  if (body !== undefined) {
    sent['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) {
      sent['X-XSRF-TOKEN'] = token;
    }
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: sent,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: `Corridor cannot be reached (${e.message}). Check the connection and try again.` });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data || { detail: `The server answered ${response.status} ${response.statusText}.` });
  }
  return data;
}

/** The element with this id: the one lookup every screen makes. */
export function byId(id) {
  return document.getElementById(id);
}

/** Creates an element: attributes (on* = listeners, class, dataset) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/**
 * Times are shown in the school's time zone, on the 24-hour clock the server's sentences use ("delivered
 * 14:55"), whatever the device's zone: a teacher's laptop set elsewhere must not disagree with the pass.
 * openScreen sets the zone from /api/me; until then (and for someone of no school) it is the device's.
 */
let zone;

export function useTimeZone(timeZone) {
  zone = timeZone || undefined;
}

/** "14:05" in the school's time zone. */
export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone }) : '';
}

/** "4 Dec 2026, 14:05" in the school's time zone, or in the one given (a pass of another school). */
export function dateTime(iso, timeZone = zone) {
  return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }) : '';
}

/** "2026-12-04T14:05" (a datetime-local input's value) on the school's clock, as an ISO instant. */
export function instantOnSchoolClock(local) {
  const [date, clock] = local.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = clock.split(':').map(Number);
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  // the zone's offset at a moment: its wall clock read as if it were UTC, minus the moment
  const offset = at => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(at)).map(p => [p.type, p.value]));
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - at;
  };
  let at = wanted - offset(wanted);
  at = wanted - offset(at); // once more, for a moment across a change of daylight saving time
  return new Date(at).toISOString();
}

/** "2026-12-04T14:05" for a datetime-local input: the moment on the school's clock. */
export function schoolClockValue(iso) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(iso)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The one confirmation dialog of a page, made the first time it is needed. */
function confirmDialog() {
  let dialog = document.getElementById('confirm');
  if (!dialog) {
    dialog = el('dialog', { id: 'confirm', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-body' },
      el('h2', { id: 'confirm-title' }),
      el('div', { id: 'confirm-body' }),
      el('p', { class: 'problem', id: 'confirm-error', role: 'alert', hidden: true }),
      el('div', { class: 'row' },
        el('button', { type: 'button', id: 'confirm-yes' }),
        el('button', { type: 'button', id: 'confirm-no' }, 'Cancel')));
    document.body.append(dialog);
  }
  return dialog;
}

/**
 * Asks before an action that changes something: the dialog says what will change, `yes` runs the action;
 * a refusal is shown in the dialog, which stays open; success closes it. `tone` 'danger' marks an action
 * that ends or removes something.
 */
export function confirmThen({ title, body, yes, action, tone = 'primary' }) {
  const dialog = confirmDialog();
  const error = byId('confirm-error');
  const yesButton = byId('confirm-yes');
  const noButton = byId('confirm-no');
  byId('confirm-title').textContent = title;
  byId('confirm-body').replaceChildren(...body);
  showError(error, null);
  yesButton.className = tone;
  yesButton.textContent = yes;
  yesButton.disabled = false;
  yesButton.onclick = async () => {
    yesButton.disabled = true;
    try {
      await action();
      dialog.close();
    } catch (e) {
      showError(error, e);
    } finally {
      yesButton.disabled = false;
    }
  };
  noButton.onclick = () => dialog.close();
  dialog.showModal();
  noButton.focus();
}

/** "2026-12-04" in the school's time zone: the day a date input or a daily report means. */
export function schoolDate(iso) {
  return iso ? new Date(iso).toLocaleDateString('en-CA', { timeZone: zone }) : '';
}

/**
 * Shows an error in an alert region (role="alert"): the problem's title and its detail, verbatim, with a
 * sign-in link when the session is gone. Passing null clears it. For a form, use showProblem.
 */
export function showError(container, error) {
  container.replaceChildren();
  if (!error) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  const title = error.problem?.title;
  const detail = error.message || String(error);
  if (title && title !== detail) {
    container.append(el('strong', {}, title.endsWith('.') ? title : `${title}.`), ' ');
  }
  container.append(detail);
  if (error.status === 401) {
    container.append(' ', el('a', { href: '/login' }, 'Sign in again'));
  }
}

/**
 * A problem found before anything was sent, in the server's shape: `errors` maps field names (as the API
 * names them) to what is wrong, and showProblem shows it like the server's.
 */
export function formProblem(errors, detail = 'Check the fields marked below.', title = 'Check the form') {
  return new ApiError(400, {
    title,
    detail,
    errors: Object.entries(errors).map(([field, message]) => ({ field, message })),
  });
}

/**
 * Shows a problem (RFC 9457) on a form or any container: the title and detail in the scope's alert
 * region (`.problem[role=alert]`, or `alert`), and each entry of the problem's `errors` next to the field
 * it names: the control whose name (or data-field) is the API's field name gets `aria-invalid` and a
 * message it is described by; an error naming no control on screen is listed in the alert region. The
 * first marked control takes the focus unless `focus` is false. Passing null clears everything.
 */
export function showProblem(scope, error, { alert = scope.querySelector('.problem[role="alert"]'), focus = true } = {}) {
  clearProblem(scope, alert);
  if (!error) {
    return;
  }
  if (alert) {
    showError(alert, error);
  }
  const errors = Array.isArray(error.problem?.errors) ? error.problem.errors : [];
  const unplaced = [];
  let first = null;
  for (const { field, message } of errors) {
    const control = field && fieldControl(scope, field);
    if (!control) {
      unplaced.push(field ? `${field}: ${message}` : message);
      continue;
    }
    markInvalid(control, message);
    first ??= control;
  }
  if (unplaced.length && alert) {
    alert.append(el('ul', {}, unplaced.map(line => el('li', {}, line))));
  }
  if (focus && first) {
    (first.matches('fieldset') ? first.querySelector('input, select, textarea, button') : first)?.focus();
  }
}

/** Removes what showProblem put on a form: the alert's text, the field messages and aria-invalid. */
export function clearProblem(scope, alert = scope.querySelector('.problem[role="alert"]')) {
  if (alert) {
    showError(alert, null);
  }
  for (const message of scope.querySelectorAll('.field-error')) {
    const control = scope.querySelector(`[aria-describedby~="${message.id}"]`);
    if (control) {
      const rest = control.getAttribute('aria-describedby').split(/\s+/).filter(id => id !== message.id);
      if (rest.length) {
        control.setAttribute('aria-describedby', rest.join(' '));
      } else {
        control.removeAttribute('aria-describedby');
      }
      control.removeAttribute('aria-invalid');
    }
    message.remove();
  }
}

/**
 * The control an API field name refers to: by name, then data-field; a group of radios is its fieldset. A
 * field naming a whole element of a list ("[2]": a bell-schedule period overlapping another) is shown at
 * the element's first control ("[2].name"), beside its row.
 */
function fieldControl(scope, field) {
  const controls = [...scope.querySelectorAll('[name], [data-field]')];
  const named = controls.filter(c => c.getAttribute('data-field') === field || c.getAttribute('name') === field);
  if (!named.length) {
    return field.endsWith(']')
      ? controls.find(c => (c.getAttribute('data-field') ?? c.getAttribute('name')).startsWith(`${field}.`)) ?? null
      : null;
  }
  if (named.length > 1 || named[0].type === 'radio' || named[0].type === 'checkbox') {
    return named[0].closest('fieldset') ?? named[0];
  }
  return named[0];
}

let fieldErrors = 0;

function markInvalid(control, message) {
  const id = `field-error-${++fieldErrors}`;
  const note = el('p', { class: 'field-error', id }, message);
  if (control.matches('fieldset')) {
    control.append(note);
  } else {
    control.setAttribute('aria-invalid', 'true');
    control.insertAdjacentElement('afterend', note);
  }
  control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
}

/** A student as the administrators' screens name one: "Ava Jones (S1001)". */
export function studentLabel(student) {
  return `${student.name}${student.studentNumber ? ` (${student.studentNumber})` : ''}`;
}

/**
 * The student search of an administrator's form (no-contact, accommodations, routing diagnostics), drawn in
 * place of the page's `<div data-student-search="name">`: a text box "`find` (start of a name, or student
 * number)" (#find-name) with its Find button (#find-name-button), then the `label`led select #name (data-field
 * `field`, the API's name), showing `none` until a search. What is typed is looked up in the district when
 * Find is pressed or Enter is typed, and the students found become the select's options (each with its name
 * in data-name), then `everyone`'s option (value "") when given. A refusal is shown on `form` (at its alert);
 * `announce` says how many were found; `empty()` runs for an empty search, `found()` after each answered one.
 * Resolves nothing; the select is byId(name) from then on.
 */
export function studentSearch({ form, name, field, find, label, none, announce, everyone = null,
  empty = () => {}, found = () => {} }) {
  const input = el('input', { type: 'text', id: `find-${name}`, autocomplete: 'off' });
  const button = el('button', { type: 'button', id: `find-${name}-button` }, 'Find');
  const select = el('select', { id: name, 'data-field': field }, el('option', { value: '' }, none));
  form.querySelector(`[data-student-search="${name}"]`).replaceWith(
    el('div', { class: 'row wrap' },
      el('div', { class: 'grow' },
        el('label', { for: input.id }, `${find} (start of a name, or student number)`), input),
      el('div', {}, button)),
    el('label', { for: name }, label),
    select);
  const search = async () => {
    const q = input.value.trim();
    clearProblem(form);
    if (!q) {
      await empty();
      return;
    }
    try {
      const students = await api(`/api/admin/accommodations/students?q=${encodeURIComponent(q)}`);
      const options = students.map(s => el('option', { value: s.id, dataset: { name: s.name } }, studentLabel(s)));
      if (!students.length) {
        options.push(el('option', { value: '' }, `No student matches "${q}"`));
      }
      if (everyone) {
        options.push(el('option', { value: '' }, everyone));
      }
      select.replaceChildren(...options);
      announce(students.length === 1 ? '1 student found.' : `${students.length} students found.`);
    } catch (e) {
      showProblem(form, e, { focus: false });
      return;
    }
    await found();
  };
  button.addEventListener('click', search);
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  });
}

/** Who is signed in (GET /api/me), or null when nobody is. */
export async function whoAmI() {
  try {
    return await api('/api/me');
  } catch (e) {
    if (e.status === 401) {
      return null;
    }
    throw e;
  }
}

/** Signs out (POST /logout with the CSRF header) and goes to the sign-in page, which says so. */
export async function signOut() {
  stopActingAs();
  const token = csrfToken();
  const response = await fetch('/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: token ? { 'X-XSRF-TOKEN': token } : {},
  });
  if (!response.ok) {
    throw new ApiError(response.status, { detail: `Signing out failed (${response.status}). Reload the page and try again.` });
  }
  location.href = '/login?signed-out';
}

/** A new Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Listens to the person's notification stream (server-sent events `unread` and `notification`). The
 * browser reconnects by itself (with Last-Event-ID); when the server closes it for good (signed out, for
 * instance) a new stream is opened after a while, unless it was superseded by a newer screen of the same
 * person. `onPass({passId, change})` hears the changes of one's pass that are not notifications (a request
 * delivered to the teacher's screen, seen). `onLive(boolean)` tells whether it is connected.
 */
export function listen({ onUnread, onNotification, onPass, onLive }) {
  let source;
  const open = () => {
    source = new EventSource('/api/notifications/stream');
    source.addEventListener('open', () => onLive?.(true));
    source.addEventListener('unread', e => onUnread?.(JSON.parse(e.data).unreadCount));
    source.addEventListener('notification', e => onNotification?.(JSON.parse(e.data)));
    // a change of one's pass not worth a notification (delivered, seen): {passId, change}
    source.addEventListener('pass', e => onPass?.(JSON.parse(e.data)));
    // the person opened more screens than the server streams to; a newer one has taken over
    source.addEventListener('superseded', () => {
      source.close();
      onLive?.(false);
    });
    source.addEventListener('error', () => {
      onLive?.(false);
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(open, 30000);
      }
    });
  };
  open();
  return () => source.close();
}

/**
 * Popups, in one region per screen (`aria-live="polite"`): the newest on top, at most a few visible at once
 * (three on a wide screen, one on a phone) and "+N more" below them, which `onMore` (set with popupRegion)
 * answers, for instance by opening the notification centre. On a wide screen the region keeps a column of
 * its own beside the page (body.with-popups), on a narrow one the page gets room below it, so a popup never
 * covers the controls it refers to.
 */
const POPUP_CAP = 20;
const popupSettings = new WeakMap();

export function popupRegion(region, { onMore } = {}) {
  popupSettings.set(region, { onMore });
}

const phone = matchMedia('(max-width: 40rem)');

function visiblePopups() {
  return phone.matches ? 1 : 3;
}

// a window made narrower (or a phone turned) shows as many popups as now fit
phone.addEventListener('change', () => document.querySelectorAll('.toasts').forEach(arrangePopups));

function arrangePopups(region) {
  const popups = [...region.querySelectorAll(':scope > .toast')];
  const shown = visiblePopups();
  popups.forEach((popup, i) => { popup.hidden = i >= shown; });
  let more = region.querySelector(':scope > .more');
  const hiddenCount = Math.max(0, popups.length - shown);
  if (hiddenCount) {
    if (!more) {
      more = el('button', { type: 'button', class: 'more' });
      more.addEventListener('click', () => {
        const { onMore } = popupSettings.get(region) || {};
        if (onMore) {
          onMore();
        } else {
          // without a notification centre, the next popup comes up in place of the newest
          region.querySelector(':scope > .toast')?.remove();
          arrangePopups(region);
        }
      });
      region.append(more);
    }
    more.textContent = `+${hiddenCount} more`;
  } else {
    more?.remove();
  }
  document.body.classList.toggle('with-popups', popups.length > 0);
  // on a narrow screen the region sits over the bottom of the page: the page gets that much room below
  document.body.style.setProperty('--popups-height', `${popups.length ? region.offsetHeight : 0}px`);
}

/**
 * A popup: a title, a sentence, optional content (flags, a reason field), actions. It stays until dismissed
 * or acted on, or `ttlMillis` passes. An action's `run` may return false or throw to keep the popup open
 * (its problem is shown in the popup); otherwise the popup closes.
 */
export function toast(region, { title, body, content = [], actions = [], ttlMillis = 60000, kind, passId }) {
  const problem = el('p', { class: 'problem', role: 'alert', hidden: true });
  const dismiss = () => {
    node.remove();
    arrangePopups(region);
  };
  const node = el('div', { class: 'toast', role: 'group', 'aria-label': title, dataset: { kind: kind || '', passId: passId || '' } },
    el('h3', {}, title),
    body ? el('p', {}, body) : null,
    content,
    problem,
    el('div', { class: 'actions' },
      actions.map(action => el('button', {
        type: 'button',
        class: action.tone || 'primary',
        dataset: { action: action.name || '' },
        onclick: async e => {
          const button = e.currentTarget;
          button.disabled = true;
          showError(problem, null);
          try {
            if (await action.run(node) !== false) {
              dismiss();
            }
          } catch (err) {
            showError(problem, err);
          } finally {
            button.disabled = false;
          }
        },
      }, action.label)),
      el('button', { type: 'button', class: 'dismiss', onclick: dismiss }, 'Dismiss')));
  node.shownAt = Date.now();
  node.dismiss = dismiss;
  region.prepend(node);
  const popups = region.querySelectorAll(':scope > .toast');
  for (let i = POPUP_CAP; i < popups.length; i++) {
    popups[i].remove();
  }
  arrangePopups(region);
  if (ttlMillis) {
    setTimeout(() => node.isConnected && dismiss(), ttlMillis);
  }
  return node;
}

/** Takes popups away (a request decided elsewhere) and lets the others move up. */
export function removePopups(region, popups) {
  popups.forEach(p => p.remove());
  arrangePopups(region);
}

/**
 * Returns a refresh function for `task` and calls it every `millis`: never two runs at once, and a
 * refresh asked for during a run is done once more right after it. Errors go to `onError` (null when fine).
 */
export function every(millis, task, onError) {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        try {
          await task();
          onError(null);
        } catch (e) {
          onError(e);
        }
      } while (again);
    } finally {
      running = false;
    }
  };
  setInterval(run, millis);
  return run;
}
