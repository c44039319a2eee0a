// The auditor's search: every filter of GET /api/audit/passes (student and teacher found by name), a page
// of results at a time, and the same search as a CSV file. The filters live in the address, so a search can
// be bookmarked and Back returns to it.
import { api, byId as $, clearProblem, el, showError, showProblem } from '/corridor.js';
import { downloadCsv, findInto, openAuditorScreen, pager, passRows, queryOf, say as live } from '/audit.js';

const STATES = ['SCHEDULED', 'REQUESTED', 'PENDING', 'WAITING', 'ACTIVE', 'LONG_RUNNING', 'COMPLETED', 'ENDED_BY_SYSTEM',
  'DENIED', 'CANCELLED', 'EXPIRED'];
const form = () => $('search-form');

async function search(page = 0) {
  const params = queryOf(form(), { page, size: 50 });
  history.replaceState(null, '', `?${params}`);
  clearProblem(form());
  try {
    const found = await api(`/api/audit/passes?${params}`);
    $('results').tBodies[0].replaceChildren(...passRows(found.passes));
    $('empty').hidden = found.passes.length > 0;
    pager($('pager'), found, search);
    live(`${found.total} pass(es) found.`);
  } catch (e) {
    showProblem(form(), e);
  }
}

async function exportCsv() {
  clearProblem(form());
  const params = queryOf(form());
  live('Exporting…');
  try {
    await downloadCsv(`/api/audit/passes?${params}`, 'passes.csv');
    live('The CSV file is downloaded.');
  } catch (e) {
    showProblem(form(), e);
    live('');
  }
}

/** A student or teacher in the address (a bookmarked search) is shown by name again. */
async function restore(params) {
  for (const [control, value] of params) {
    const field = form().querySelector(`[name="${CSS.escape(control)}"]`);
    if (!field) {
      continue;
    }
    if (field.tagName === 'SELECT' && ![...field.options].some(o => o.value === value)) {
      field.append(el('option', { value }, value));
    }
    field.value = value;
  }
}

async function fillChoices(me) {
  $('state').append(...STATES.map(s => el('option', {}, s)));
  const [versions, destinations] = await Promise.all([
    api('/api/admin/rule-sets').catch(() => []),
    me.schoolId ? api(`/api/schools/${encodeURIComponent(me.schoolId)}/destinations`) : Promise.resolve([]),
  ]);
  $('rule-set').append(...versions.map(v => el('option', { value: `v${v.version}` }, `v${v.version} ${v.status ?? ''}`.trim())));
  $('destination').append(...destinations.map(d => el('option', { value: d.id }, d.name)));
  $('destination').disabled = !me.schoolId;
}

async function start() {
  const me = await openAuditorScreen({ form: $('search-form') });
  if (!me) {
    return;
  }
  try {
    await fillChoices(me);
  } catch (e) {
    showError($('error'), e);
  }
  const finder = (input, select, role, anyone) => async () => {
    try {
      const n = await findInto($(input), $(select), $('search-error'), { role, anyone });
      live(`${n} found.`);
      $(select).focus();
    } catch (e) {
      showProblem(form(), e);
    }
  };
  $('find-student-button').addEventListener('click', finder('find-student', 'student', 'STUDENT', 'Any student'));
  $('find-teacher-button').addEventListener('click', finder('find-teacher', 'teacher', 'TEACHER', 'Any teacher'));
  for (const [input, button] of [['find-student', 'find-student-button'], ['find-teacher', 'find-teacher-button']]) {
    $(input).addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        e.preventDefault();
        $(button).click();
      }
    });
  }
  form().addEventListener('submit', e => {
    e.preventDefault();
    search(0);
  });
  form().addEventListener('reset', () => setTimeout(() => search(0)));
  $('export').addEventListener('click', exportCsv);
  const params = new URLSearchParams(location.search);
  const page = Number(params.get('page') || 0);
  params.delete('page');
  params.delete('size');
  await restore(params);
  await search(Number.isInteger(page) && page >= 0 ? page : 0);
  document.body.dataset.ready = 'true';
}

start();
