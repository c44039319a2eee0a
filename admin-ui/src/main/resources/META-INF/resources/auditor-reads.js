// The reads log: who read which student's passes (GET /api/audit/reads), filtered by reader, student and
// time, a page at a time or as CSV. Auditors only.
import { api, byId as $, clearProblem, el, showProblem } from '/corridor.js';
import { at, downloadCsv, findInto, openAuditorScreen, pager, queryOf, say as live } from '/audit.js';

const form = () => $('reads-form');

async function show(page = 0) {
  const params = queryOf(form(), { page, size: 50 });
  history.replaceState(null, '', `?${params}`);
  clearProblem(form());
  try {
    const found = await api(`/api/audit/reads?${params}`);
    $('reads').tBodies[0].replaceChildren(...found.reads.map(r => el('tr', {},
      el('td', {}, at(r.readAt)),
      el('td', {}, r.reader?.name ?? r.reader?.id),
      el('td', {}, r.student?.id ? el('a', { href: `/auditor-student.html?id=${encodeURIComponent(r.student.id)}` }, r.student.name ?? r.student.id) : ''),
      el('td', {}, r.what),
      el('td', {}, r.passId ? el('a', { href: `/auditor-pass.html?id=${encodeURIComponent(r.passId)}` }, 'Open') : ''),
      el('td', {}, el('code', {}, r.endpoint)))));
    $('empty').hidden = found.reads.length > 0;
    pager($('pager'), found, show, 'reads');
    live(`${found.total} read(s).`);
  } catch (e) {
    showProblem(form(), e);
  }
}

async function start() {
  const me = await openAuditorScreen({ auditorsOnly: true, form: form() });
  if (!me) {
    return;
  }
  const finder = (input, select, role, anyone) => async () => {
    try {
      live(`${await findInto($(input), $(select), $('reads-error'), { role: role(), anyone })} found.`);
      $(select).focus();
    } catch (e) {
      showProblem(form(), e);
    }
  };
  $('find-reader-button').addEventListener('click', finder('find-reader', 'reader', () => $('reader-role').value, 'Anyone'));
  $('find-student-button').addEventListener('click', finder('find-student', 'student', () => 'STUDENT', 'Any student'));
  form().addEventListener('submit', e => {
    e.preventDefault();
    show(0);
  });
  $('export').addEventListener('click', async () => {
    clearProblem(form());
    try {
      await downloadCsv(`/api/audit/reads?${queryOf(form())}`, 'reads.csv');
      live('The CSV file is downloaded.');
    } catch (e) {
      showProblem(form(), e);
    }
  });
  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    const field = form().querySelector(`[name="${CSS.escape(name)}"]`);
    if (field?.tagName === 'SELECT') {
      field.append(el('option', { value }, value));
    }
    if (field) {
      field.value = value;
    }
  }
  await show(Number(params.get('page')) || 0);
  document.body.dataset.ready = 'true';
}

start();
