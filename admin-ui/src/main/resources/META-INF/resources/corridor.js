// What every Corridor screen shares: calls to the REST API (session cookie + CSRF header), problem
// bodies shown verbatim, the notification stream, popups and a few DOM helpers. No framework, no build.

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

/** "10:41" in the device's time. */
export function time(iso) {
  return iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';
}

/**
 * Shows an error in a container (role="alert"): the problem's detail verbatim, with a sign-in link when
 * the session is gone. Passing null clears it.
 */
export function showError(container, error) {
  container.replaceChildren();
  if (!error) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  container.append(error.message || String(error));
  if (error.status === 401) {
    container.append(' ', el('a', { href: '/login' }, 'Sign in again'));
  }
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

/** Signs out (POST /logout with the CSRF header) and goes to the start page. */
export async function signOut() {
  const token = csrfToken();
  const response = await fetch('/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: token ? { 'X-XSRF-TOKEN': token } : {},
  });
  if (!response.ok) {
    throw new ApiError(response.status, { detail: `Signing out failed (${response.status}). Reload the page and try again.` });
  }
  location.href = '/';
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
 * instance) a new stream is opened after a while. `onLive(boolean)` tells whether it is connected.
 */
export function listen({ onUnread, onNotification, onLive }) {
  let source;
  const open = () => {
    source = new EventSource('/api/notifications/stream');
    source.addEventListener('open', () => onLive?.(true));
    source.addEventListener('unread', e => onUnread?.(JSON.parse(e.data).unreadCount));
    source.addEventListener('notification', e => onNotification?.(JSON.parse(e.data)));
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
 * A popup in the screen's live region (aria-live="polite"): a title, a sentence, actions. It stays until
 * dismissed or acted on, or `ttlMillis` passes.
 */
export function toast(region, { title, body, actions = [], ttlMillis = 60000, kind, passId }) {
  const dismiss = () => node.remove();
  const node = el('div', { class: 'toast', role: 'group', 'aria-label': title, dataset: { kind: kind || '', passId: passId || '' } },
    el('h3', {}, title),
    body ? el('p', {}, body) : null,
    el('div', { class: 'actions' },
      actions.map(action => el('button', {
        type: 'button',
        class: 'primary',
        onclick: async () => {
          dismiss();
          await action.run();
        },
      }, action.label)),
      el('button', { type: 'button', onclick: dismiss }, 'Dismiss')));
  node.shownAt = Date.now();
  region.append(node);
  while (region.children.length > 5) {
    region.firstElementChild.remove();
  }
  if (ttlMillis) {
    setTimeout(dismiss, ttlMillis);
  }
  return node;
}

/** The bar at the top: who is signed in and a sign-out button. */
export function fillBar(me, whoElement, signOutButton, errorElement) {
  whoElement.textContent = me ? `Signed in as ${me.name}` : '';
  signOutButton.addEventListener('click', () => signOut().catch(e => showError(errorElement, e)));
}

/**
 * Who may use a screen meant for one role: sends someone not signed in to the sign-in page, fills the
 * top bar, and tells a person of another role that this screen is not theirs. Returns the person, or null.
 */
export async function signedInFor(role, people, { who, signOutButton, error }) {
  let me;
  try {
    me = await whoAmI();
  } catch (e) {
    showError(error, e);
    return null;
  }
  if (!me) {
    location.href = '/login';
    return null;
  }
  fillBar(me, who, signOutButton, error);
  if (!me.roles?.includes(role)) {
    showError(error, new Error(`This screen is for ${people}; ${me.name ?? 'this account'} is not one.`));
    return null;
  }
  return me;
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
