// Email notifications: the signed-in person turns email on or off for each kind of notification that
// Corridor emails (an escalated request, a pass ended by the time limit, an emergency). Teachers reach it
// from the notification centre, administrators from the Today menu and from Escalated requests.
import { api, byId as $, clearProblem, el, showError, showProblem } from '/corridor.js';
import { openScreen } from '/layout.js';

const PATH = '/api/me/notification-preferences';

/** What each kind is, in the school's words. A kind the server adds later shows under its own name. */
const KINDS = {
  REQUEST_ESCALATED: {
    label: 'A request is escalated to me',
    hint: 'A student\'s request its teacher has not opened in time, sent to you to approve, deny or cancel.',
  },
  ENDED_BY_SYSTEM: {
    label: 'A pass from my class is ended by the time limit',
    hint: 'The student was out longer than the school allows; Corridor ended the pass.',
  },
  EMERGENCY: {
    label: 'An emergency is declared or cleared',
    hint: 'Every pass of the school was ended, or passes may be asked for again.',
  },
};

const live = message => { $('live').textContent = message; };

function show(choices) {
  $('address').textContent = choices.address
    ? `Emails go to ${choices.address}, the address of your account.`
    : 'Your account has no email address: Corridor cannot email you.';
  $('off').hidden = choices.emailConfigured;
  $('choices').replaceChildren($('choices').querySelector('legend'),
    ...choices.preferences.map((p, i) => {
      const id = `email-${p.kind}`;
      const kind = KINDS[p.kind] ?? { label: p.kind, hint: '' };
      return el('div', { class: 'choice' },
        el('input', {
          type: 'checkbox', id, name: p.kind, checked: p.email,
          'data-field': `preferences[${i}].email`, 'aria-describedby': `${id}-hint`,
        }),
        el('label', { for: id }, kind.label),
        el('p', { class: 'hint', id: `${id}-hint` }, kind.hint));
    }));
}

async function save(event) {
  event.preventDefault();
  const form = $('preferences-form');
  clearProblem(form, $('preferences-error'));
  const preferences = [...form.querySelectorAll('input[type="checkbox"]')]
    .map(box => ({ kind: box.name, email: box.checked }));
  $('save').disabled = true;
  try {
    show(await api(PATH, { method: 'PUT', body: { preferences } }));
    live('Your choices are saved.');
  } catch (e) {
    showProblem(form, e, { alert: $('preferences-error') });
  } finally {
    $('save').disabled = false;
  }
}

const me = await openScreen({ role: ['TEACHER', 'ADMIN'], people: 'teachers and administrators' });
if (me) {
  try {
    show(await api(PATH));
    $('preferences-form').hidden = false;
    $('preferences-form').addEventListener('submit', save);
  } catch (e) {
    showError($('error'), e);
  }
  document.body.dataset.ready = 'true';
}
