// The sign-in page (GET /login): "Sign in with Google / Microsoft" where the district configured them, the
// email and password form where password sign-in exists (the demo). The form posts to /login as Spring
// Security's own page did; a wrong password comes back here as /login?error and is said here.
import { api, byId as $, el, formProblem, showError, showProblem } from '/corridor.js';
import { drawBar } from '/layout.js';

const form = $('password-form');
const EMAIL_KEY = 'corridor.sign-in.email';

async function start() {
  drawBar(null);
  const query = new URLSearchParams(location.search);
  $('signed-out').hidden = !query.has('signed-out');
  let options;
  try {
    options = await api('/api/sign-in-options');
  } catch (e) {
    showError($('error'), e);
    return;
  }
  const providers = options.providers.map(p => el('li', {},
    el('a', { class: 'provider', href: p.href, dataset: { provider: p.id } }, `Sign in with ${p.name}`)));
  $('providers').replaceChildren(...providers);
  $('providers').hidden = !providers.length;
  form.hidden = !options.password;
  $('or').hidden = !(options.password && providers.length);
  if (options.csrf) {
    $('csrf').name = options.csrf.parameterName;
    $('csrf').value = options.csrf.token;
  }
  if (options.password && query.has('error')) {
    // the email typed before is kept for this tab only, so a mistyped password is the only thing to retype
    $('username').value = sessionStorage.getItem(EMAIL_KEY) ?? '';
    showProblem(form, formProblem({ password: 'The email or the password is wrong.' },
      'Corridor does not know this email with this password. Check both and try again.', 'Sign-in failed'),
    { alert: $('error') });
  } else if (options.password) {
    $('username').focus();
  }
}

form.addEventListener('submit', e => {
  const missing = {};
  if (!$('username').value.trim()) {
    missing.username = 'Enter the email of your school account.';
  }
  if (!$('password').value) {
    missing.password = 'Enter your password.';
  }
  if (Object.keys(missing).length) {
    e.preventDefault();
    showProblem(form, formProblem(missing), { alert: $('error') });
    return;
  }
  sessionStorage.setItem(EMAIL_KEY, $('username').value.trim());
});

start();
