// What the policy screens share: classic scripts loaded from a module, a confirmation dialog that runs
// the action and shows its refusal in place, and times read in the school's time zone.
import { el, showError } from '/corridor.js';

/**
 * Loads classic scripts (a WebJar's, such as CodeMirror 5 and its addons) one after the other: the pages
 * themselves load one module and nothing inline.
 */
export async function loadScripts(...sources) {
  for (const src of sources) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${src} could not be loaded.`));
      document.head.append(script);
    });
  }
}

/**
 * Asks before an action that changes something: the dialog says what will change, `yes` runs the action;
 * a refusal is shown in the dialog, which stays open; success closes it.
 */
export function confirmThen({ title, body, yes, action }) {
  const dialog = document.getElementById('confirm');
  const error = document.getElementById('confirm-error');
  const yesButton = document.getElementById('confirm-yes');
  const noButton = document.getElementById('confirm-no');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-body').replaceChildren(...body);
  showError(error, null);
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

/** "4 Dec 2026, 10:41" read in the given IANA time zone (the school's, not the device's). */
export function schoolTime(iso, timeZone) {
  if (!iso) {
    return '';
  }
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
