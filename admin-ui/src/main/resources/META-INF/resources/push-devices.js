// "Notifications on this device": browser push for a teacher's or administrator's screen. The person turns
// it on with an explicit click (the browser then asks for permission); the state says whether this browser
// receives them (on, off, blocked by the browser, not supported, not set up on this Corridor), and the list
// shows every device of theirs with notifications on, each with a button to remove it. The service worker
// (/sw.js) shows the pushes.
import { api, dateTime, el, showError } from '/corridor.js';

const THIS_DEVICE = 'corridor.pushDevice';

function supported() {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** "Chrome on Linux": enough to tell one's devices apart, from what the browser says of itself. */
function deviceLabel() {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari' : 'A browser';
  const system = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /CrOS/.test(ua) ? 'ChromeOS'
    : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  return system ? `${browser} on ${system}` : browser;
}

function urlBase64ToBytes(text) {
  const padded = (text + '='.repeat((4 - (text.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(padded), c => c.charCodeAt(0));
}

async function currentSubscription() {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration ? registration.pushManager.getSubscription() : null;
}

/**
 * Draws the section into `container` (an element with an h2 or h3 already, or empty) and keeps it current.
 * `headingLevel`: the level of its heading, to fit the page's outline.
 */
export function pushSettings(container, { headingLevel = 3 } = {}) {
  const state = el('p', { class: 'notice', id: 'push-state', role: 'status' });
  const problem = el('p', { class: 'problem', id: 'push-error', role: 'alert', hidden: true });
  const turnOn = el('button', { type: 'button', class: 'primary', id: 'push-on' }, 'Turn on notifications on this device');
  const turnOff = el('button', { type: 'button', id: 'push-off', hidden: true }, 'Turn off on this device');
  const list = el('ul', { class: 'list devices', id: 'push-devices', 'aria-labelledby': 'push-devices-title' });
  const listTitle = el(`h${headingLevel + 1}`, { id: 'push-devices-title' }, 'My devices with notifications on');
  const none = el('p', { class: 'notice', id: 'push-no-devices' }, 'None yet.');
  container.replaceChildren(
    el(`h${headingLevel}`, { id: 'push-title' }, 'Notifications on this device'),
    el('p', { class: 'hint' }, 'Requests, escalations and students on the way reach this device also when '
      + 'Corridor is in another tab or closed. While a Corridor screen is in front of you, the popup shows them instead.'),
    state, problem, el('div', { class: 'row' }, turnOn, turnOff), listTitle, none, list);
  container.setAttribute('aria-labelledby', 'push-title');

  let key = null;

  const say = (text, on) => {
    state.textContent = text;
    state.dataset.state = on;
  };

  async function draw() {
    showError(problem, null);
    if (!supported()) {
      say('Not supported: this browser cannot receive notifications from Corridor.', 'unsupported');
      turnOn.hidden = true;
      turnOff.hidden = true;
    } else {
      try {
        key ??= (await api('/api/push/key')).publicKey;
      } catch (e) {
        if (e.status === 404) {
          say('Not set up: this Corridor sends no browser notifications. Popups still appear on an open screen.', 'off-here');
          turnOn.hidden = true;
          turnOff.hidden = true;
          await drawDevices();
          return;
        }
        throw e;
      }
      const subscribed = await currentSubscription();
      const known = subscribed && localStorage.getItem(THIS_DEVICE);
      if (Notification.permission === 'denied') {
        say('Blocked by the browser: allow notifications for this site in the browser\'s settings, then come back.', 'blocked');
        turnOn.hidden = true;
        turnOff.hidden = true;
      } else if (known && Notification.permission === 'granted') {
        say('On: this device receives Corridor\'s notifications.', 'on');
        turnOn.hidden = true;
        turnOff.hidden = false;
      } else {
        say('Off: this device receives no notifications from Corridor.', 'off');
        turnOn.hidden = false;
        turnOff.hidden = true;
      }
    }
    await drawDevices();
  }

  async function drawDevices() {
    const devices = await api('/api/push/subscriptions');
    const mine = localStorage.getItem(THIS_DEVICE);
    none.hidden = devices.length > 0;
    list.replaceChildren(...devices.map(d => {
      const remove = el('button', { type: 'button', class: 'danger', dataset: { deviceId: d.id } },
        'Remove', el('span', { class: 'visually-hidden' }, ` ${d.label}`));
      remove.addEventListener('click', () => guarded(async () => {
        await api(`/api/push/subscriptions/${encodeURIComponent(d.id)}`, { method: 'DELETE' });
        if (d.id === mine) {
          localStorage.removeItem(THIS_DEVICE);
          await (await currentSubscription())?.unsubscribe();
        }
      }));
      return el('li', { class: 'device' },
        el('span', { class: 'label' }, d.label, d.id === mine ? ' (this device)' : ''),
        el('span', { class: 'when' }, `on since ${dateTime(d.createdAt)}`,
          d.lastSuccessAt ? `, last sent ${dateTime(d.lastSuccessAt)}` : ''),
        remove);
    }));
  }

  async function guarded(task) {
    turnOn.disabled = true;
    turnOff.disabled = true;
    try {
      await task();
      await draw();
    } catch (e) {
      showError(problem, e);
    } finally {
      turnOn.disabled = false;
      turnOff.disabled = false;
    }
  }

  turnOn.addEventListener('click', () => guarded(async () => {
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      return;
    }
    await navigator.serviceWorker.ready;
    let subscription;
    try {
      subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: urlBase64ToBytes(key) });
    } catch (e) {
      throw new Error(`This browser could not reach its push service (${e.message}). Try again later.`);
    }
    const json = subscription.toJSON();
    const device = await api('/api/push/subscriptions', {
      method: 'POST',
      body: { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth }, label: deviceLabel() },
    });
    localStorage.setItem(THIS_DEVICE, device.id);
  }));

  turnOff.addEventListener('click', () => guarded(async () => {
    const id = localStorage.getItem(THIS_DEVICE);
    if (id) {
      await api(`/api/push/subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(e => {
        if (e.status !== 404) {
          throw e;
        }
      });
    }
    localStorage.removeItem(THIS_DEVICE);
    await (await currentSubscription())?.unsubscribe();
  }));

  draw().catch(e => showError(problem, e));
  return { refresh: () => draw().catch(e => showError(problem, e)) };
}
