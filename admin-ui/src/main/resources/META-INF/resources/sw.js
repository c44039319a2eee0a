// Corridor's service worker, at the root scope: shows what a push brings (a request, its re-announcement,
// its escalation, a student on the way, out a long time or ended by the time limit) when no Corridor window
// is in front of the person, with Approve and Deny on a request. Pushes are encrypted and signed by the
// server (push.PushSender); the payload is {id, kind, passId, title, body, url}, nothing more about the
// student than the in-page popup shows.
const REQUEST_KINDS = new Set(['REQUEST', 'REQUEST_AGAIN', 'REQUEST_ESCALATED']);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('push', event => event.waitUntil(received(event)));
self.addEventListener('notificationclick', event => {
  event.notification.close();
  event.waitUntil(clicked(event.action, event.notification.data || {}));
});

async function received(event) {
  let n = null;
  try {
    n = event.data ? event.data.json() : null;
  } catch {
    n = null;
  }
  if (!n?.id || !n.title) {
    return;
  }
  // "Never in the way": a Corridor window in front of the person shows the in-page popup itself
  if (await corridorInFront()) {
    return;
  }
  const request = REQUEST_KINDS.has(n.kind) && Boolean(n.passId);
  await self.registration.showNotification(n.title, {
    body: n.body || '',
    // the re-announcement and the escalation of a request replace its earlier notification
    tag: n.passId ? `pass-${n.passId}` : n.id,
    renotify: true,
    requireInteraction: request,
    icon: '/favicon.svg',
    data: n,
    actions: request ? [{ action: 'approve', title: 'Approve' }, { action: 'deny', title: 'Deny' }] : [],
  });
  await reportShown(n.id);
}

async function corridorInFront() {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  return windows.some(w => w.focused && w.visibilityState === 'visible');
}

/** Tells the server the push reached this device: for a request, the student reads "delivered". */
async function reportShown(id) {
  try {
    await post(`/api/notifications/${encodeURIComponent(id)}/delivered`);
  } catch {
    // the push service's acceptance is recorded anyway; the screen delivers it when it opens
  }
}

async function clicked(action, n) {
  if ((action === 'approve' || action === 'deny') && n.passId) {
    try {
      await post(`/api/passes/${encodeURIComponent(n.passId)}/${action}`);
      return;
    } catch {
      // flags to acknowledge, already decided, signed out, or no way to send the token: the tab decides
    }
  }
  await openScreen(n.url || '/');
}

/** A change with the person's session: the CSRF token is the XSRF-TOKEN cookie, read as the pages do. */
async function post(path) {
  const token = await csrfToken();
  if (!token) {
    throw new Error('No CSRF token can be read here');
  }
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': token },
  });
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
}

async function csrfToken() {
  if (!self.cookieStore) {
    return null;
  }
  const cookie = await self.cookieStore.get('XSRF-TOKEN');
  return cookie ? decodeURIComponent(cookie.value) : null;
}

/** Focuses a Corridor window already on that screen (moving it to the tab), or opens one. */
async function openScreen(url) {
  const target = new URL(url, self.location.origin);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const same = windows.find(w => new URL(w.url).pathname === target.pathname);
  if (same) {
    try {
      const focused = await same.focus();
      if (target.hash) {
        focused.postMessage({ corridor: 'open', hash: target.hash });
      }
      return;
    } catch {
      // the browser would not bring that window forward: a new one instead
    }
  }
  await self.clients.openWindow(target.href);
}
