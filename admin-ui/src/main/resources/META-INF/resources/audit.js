// What the auditor's pages share: their head (who may open them, the status line, the title), the people
// look-up behind a search box, a pass table, a pager and the CSV download. REST API only (/api/audit/...).
import { ApiError, api, byId, dateTime, el, showError } from '/corridor.js';
import { openScreen } from '/layout.js';

/**
 * Opens an auditor's page for auditors, and administrators too unless `auditorsOnly`: the bar, and for anyone
 * else the refusal in #error with the page's `form` (if any) hidden. Resolves to the person, or null.
 */
export async function openAuditorScreen({ auditorsOnly = false, form = null } = {}) {
  const me = await openScreen({ role: auditorsOnly ? 'AUDITOR' : ['AUDITOR', 'ADMIN'], people: 'auditors' });
  if (!me && form) {
    form.hidden = true;
  }
  return me;
}

/** Says `message` in the page's status line #live (read out by screen readers). */
export const say = message => { byId('live').textContent = message; };

/** Names what the page shows: its heading #title and the window's title. */
export function titled(text) {
  byId('title').textContent = text;
  document.title = `${text} — Auditor — Corridor`;
}

/** "Ava Lopez (S1001)". */
export const who = p => (p ? `${p.name}${p.studentNumber ? ` (${p.studentNumber})` : ''}` : '');

/**
 * Fills `select` with the people of the district matching what `input` holds (start of a name, or a
 * student number): GET /api/audit/people. The first option stays "anyone" (value ''). Resolves to the count.
 */
export async function findInto(input, select, alert, { role = 'STUDENT', anyone = 'Any' } = {}) {
  const q = input.value.trim();
  showError(alert, null);
  if (!q) {
    select.replaceChildren(el('option', { value: '' }, anyone));
    return 0;
  }
  const people = await api(`/api/audit/people?q=${encodeURIComponent(q)}&role=${role}`);
  const options = people.map(p => el('option', { value: p.id, dataset: { name: p.name } }, who(p)));
  if (!people.length) {
    options.unshift(el('option', { value: '' }, `Nobody matches "${q}": ${anyone.toLowerCase()}`));
  } else {
    options.push(el('option', { value: '' }, anyone));
  }
  select.replaceChildren(...options);
  return people.length;
}

/** The query string of a form's named, non-empty controls (plus `extra`), in the API's field names. */
export function queryOf(form, extra = {}) {
  const params = new URLSearchParams();
  for (const control of form.querySelectorAll('[name]')) {
    if (control.value.trim()) {
      params.set(control.name, control.value.trim());
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value !== null && value !== undefined && value !== '') {
      params.set(name, value);
    }
  }
  return params;
}

/**
 * Downloads `path` as a CSV file (the API answers CSV to Accept: text/csv). A refused search answers a
 * problem, which rejects with an ApiError like api() does.
 */
export async function downloadCsv(path, fileName) {
  const response = await fetch(path, { headers: { Accept: 'text/csv, application/problem+json' }, credentials: 'same-origin' });
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiError(response.status, problem || { detail: `The server answered ${response.status}.` });
  }
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** A pass's time on its school's clock. */
export const at = (iso, row) => (iso ? el('time', { datetime: iso }, dateTime(iso, row?.timeZone)) : '');

/** The rows of a page of passes (GET /api/audit/passes), each opening the pass's page. */
export function passRows(passes, { student = true } = {}) {
  return passes.map(p => el('tr', {},
    el('td', {}, el('a', { href: `/auditor-pass.html?id=${encodeURIComponent(p.id)}` }, at(p.requestedAt, p) || p.id)),
    student ? el('td', {}, el('a', { href: `/auditor-student.html?id=${encodeURIComponent(p.student.id)}` }, who({ name: p.student.name, studentNumber: p.studentNumber }))) : null,
    el('td', {}, p.state),
    el('td', {}, `${p.type} · ${p.channel}`),
    el('td', {}, [p.section, p.teacher ? `(${p.teacher.name})` : null].filter(Boolean).join(' ')),
    el('td', {}, p.destination.name),
    el('td', {}, at(p.startedAt, p)),
    el('td', {}, at(p.endedAt, p)),
    el('td', {}, p.flags.length ? el('ul', { class: 'codes' }, p.flags.map(f => el('li', {}, `${f.code} (v${f.ruleSetVersion})`))) : '')));
}

/**
 * Draws "Page 2 of 7 (321 passes)" with Previous / Next into `nav`; `go(page)` loads another page.
 */
export function pager(nav, { total, page, size }, go, noun = 'passes') {
  const pages = Math.max(1, Math.ceil(total / size));
  nav.replaceChildren(
    el('button', { type: 'button', disabled: page <= 0, onclick: () => go(page - 1) }, 'Previous page'),
    el('span', { class: 'count', role: 'status' }, `Page ${page + 1} of ${pages} (${total} ${noun})`),
    el('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => go(page + 1) }, 'Next page'));
}
