// The reports of a school over a range of its days: a chart (ECharts) and a table for each report, and a
// CSV of each. Administrators (their schools) and auditors; REST API only. Administrators also see and set
// the district's retention, the next purge and what the last one removed.
import { ApiError, api, byId as $, clearProblem, dateTime, el, formProblem, schoolDate, showError, showProblem, useTimeZone } from '/corridor.js';
import { openScreen } from '/layout.js';

const REPORTS = [
  { kind: 'by-day', title: 'Passes by day', chart: 'line' },
  { kind: 'by-hour', title: 'Passes by hour of the day', chart: 'bar' },
  { kind: 'by-destination', title: 'Most frequent destinations', chart: 'bar' },
  { kind: 'by-teacher', title: 'Passes by teacher left', chart: 'bar' },
  { kind: 'by-grade', title: 'Passes by grade', chart: 'bar' },
  { kind: 'by-student', title: 'Students with the most passes', chart: 'bar' },
  { kind: 'by-rule', title: 'Flags by rule, and what teachers did', chart: 'decisions' },
  { kind: 'no-contact', title: 'No-contact conflicts', chart: 'bar' },
  { kind: 'long-running', title: 'Long-running passes', chart: 'bar' },
];

const KINDS = { passDays: 'Passes', notifications: 'Notifications', readRecords: 'Read records',
  rosterImports: 'Roster import reports', peopleErased: 'Removed people erased', processHistories: 'Process histories',
  passes: 'Passes', accommodations: 'Accommodations', emergencies: 'Emergencies',
  noContactRecords: 'No-contact pairs and changes of removed students', studentPins: 'Kiosk PINs of removed students' };

const live = message => { $('live').textContent = message; };
const charts = [];

async function loadScript(src) {
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} could not be loaded.`));
    document.head.append(script);
  });
}

function query(form) {
  const params = new URLSearchParams({ schoolId: form.schoolId.value.trim(), from: form.from.value, to: form.to.value });
  if (form.top.value) {
    params.set('top', form.top.value);
  }
  return params;
}

function minutes(value) {
  return value === undefined || value === null ? '' : value.toFixed(1);
}

function section(report) {
  const id = `report-${report.kind}`;
  const csv = el('button', { type: 'button', class: 'csv', 'data-kind': report.kind }, `CSV of ${report.title.toLowerCase()}`);
  const chart = el('div', { class: 'chart', id: `${id}-chart`, role: 'img', 'aria-label': `Chart: ${report.title}` });
  const decisions = report.chart === 'decisions';
  const head = ['Group', 'Passes', 'Went out', 'Minutes out', 'Median minutes'];
  if (decisions) {
    head.push('Approved over', 'Denied', 'Blocked');
  }
  const table = el('table', { id: `${id}-table` },
    el('caption', { class: 'visually-hidden' }, report.title),
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : '' }, h)))),
    el('tbody'));
  return el('section', { class: 'panel report', id, 'aria-labelledby': `${id}-title` },
    el('div', { class: 'report-head' }, el('h2', { id: `${id}-title` }, report.title), csv),
    chart,
    el('div', { class: 'scroll' }, table),
    el('p', { class: 'hint', id: `${id}-empty`, hidden: '' }, 'No passes in this range.'));
}

function draw(report, data) {
  const id = `report-${report.kind}`;
  const rows = data.rows;
  const decisions = report.chart === 'decisions';
  $(`${id}-empty`).hidden = rows.some(r => r.count > 0);
  $(`${id}-table`).tBodies[0].replaceChildren(...rows.map(r => el('tr', {},
    el('th', { scope: 'row' }, r.label),
    el('td', { class: 'num' }, String(r.count)),
    el('td', { class: 'num' }, String(r.out)),
    el('td', { class: 'num' }, minutes(r.totalMinutes)),
    el('td', { class: 'num' }, minutes(r.medianMinutes)),
    ...(decisions ? [String(r.approvedOver), String(r.denied), String(r.blocked)].map(v => el('td', { class: 'num' }, v)) : []))));
  const node = $(`${id}-chart`);
  const chart = window.echarts.getInstanceByDom(node) || window.echarts.init(node);
  charts.push(chart);
  const labels = rows.map(r => r.label);
  const series = decisions
    ? [
      { name: 'Approved over', type: 'bar', stack: 'd', data: rows.map(r => r.approvedOver) },
      { name: 'Denied', type: 'bar', stack: 'd', data: rows.map(r => r.denied) },
      { name: 'Blocked', type: 'bar', stack: 'd', data: rows.map(r => r.blocked) },
    ]
    : [
      { name: 'Passes', type: report.chart, data: rows.map(r => r.count) },
      { name: 'Median minutes out', type: 'line', yAxisIndex: 1, data: rows.map(r => r.medianMinutes ?? null) },
    ];
  chart.setOption({
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 8 ? 40 : 0 } },
    yAxis: decisions ? [{ type: 'value', minInterval: 1 }]
      : [{ type: 'value', name: 'Passes', minInterval: 1 }, { type: 'value', name: 'Minutes' }],
    series,
  }, true);
}

async function show(event) {
  event?.preventDefault();
  const form = $('range-form');
  clearProblem(form);
  const missing = {};
  if (!form.schoolId.value.trim()) {
    missing.schoolId = 'Give the id of the school.';
  }
  if (!form.from.value) {
    missing.from = 'Give the first day.';
  }
  if (!form.to.value) {
    missing.to = 'Give the last day.';
  }
  if (Object.keys(missing).length) {
    showProblem(form, formProblem(missing));
    return;
  }
  const params = query(form);
  live('Counting…');
  try {
    for (const report of REPORTS) {
      const data = await api(`/api/reports/${report.kind}?${params}`);
      useTimeZone(data.timeZone);
      draw(report, data);
    }
    history.replaceState(null, '', `?${params}`);
    live(`Reports from ${form.from.value} to ${form.to.value}.`);
  } catch (e) {
    live('');
    showProblem(form, e);
  }
}

async function downloadCsv(kind) {
  const form = $('range-form');
  clearProblem(form);
  const response = await fetch(`/api/reports/${kind}?${query(form)}`, { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ detail: `The server answered ${response.status}.` }));
    showProblem(form, new ApiError(response.status, problem));
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: `${kind}-${form.from.value}-${form.to.value}.csv`, hidden: '' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  live(`${kind}.csv downloaded.`);
}

function showRetention(retention) {
  const form = $('retention-form');
  for (const field of ['passDays', 'notificationDays', 'readDays', 'rosterImportDays']) {
    form[field].value = retention[field];
    form[field].min = retention.bounds[field].min;
    form[field].max = retention.bounds[field].max;
  }
  $('next-purge').textContent = `Next purge: ${dateTime(retention.nextPurgeAt)}.`
    + (retention.lastPurge ? ` Last purge: ${dateTime(retention.lastPurge.finishedAt)}.` : ' No purge has run yet.');
  const counts = retention.lastPurge?.removed || {};
  $('last-purge').tBodies[0].replaceChildren(...Object.entries(counts).map(([kind, n]) => el('tr', {},
    el('th', { scope: 'row' }, KINDS[kind] || kind), el('td', { class: 'num' }, String(n)))));
  $('retention').hidden = false;
}

async function saveRetention(event) {
  event.preventDefault();
  const form = $('retention-form');
  clearProblem(form);
  const body = {};
  for (const field of ['passDays', 'notificationDays', 'readDays', 'rosterImportDays']) {
    body[field] = form[field].value === '' ? null : Number(form[field].value);
  }
  try {
    showRetention(await api('/api/admin/retention', { method: 'PUT', body }));
    live('Retention saved.');
  } catch (e) {
    showProblem(form, e);
  }
}

async function start() {
  const me = await openScreen({ role: ['ADMIN', 'AUDITOR'], people: 'administrators and auditors' });
  if (!me) {
    return;
  }
  try {
    await loadScript('/webjars/echarts/dist/echarts.min.js');
  } catch (e) {
    showError($('error'), e);
    return;
  }
  $('reports').replaceChildren(...REPORTS.map(section));
  $('reports').addEventListener('click', e => {
    const kind = e.target.closest('button.csv')?.dataset.kind;
    if (kind) {
      downloadCsv(kind).catch(err => showError($('error'), err));
    }
  });
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  const form = $('range-form');
  form.addEventListener('submit', show);
  const asked = new URLSearchParams(location.search);
  const today = schoolDate(new Date().toISOString());
  const monthAgo = schoolDate(new Date(Date.now() - 29 * 86400000).toISOString());
  form.from.value = asked.get('from') || monthAgo;
  form.to.value = asked.get('to') || today;
  form.top.value = asked.get('top') || 20;
  form.schoolId.value = asked.get('schoolId') || me.schoolId || '';
  if (me.schoolId) {
    $('school-field').hidden = true;
  }
  if (me.roles.includes('ADMIN')) {
    $('retention-form').addEventListener('submit', saveRetention);
    api('/api/admin/retention').then(showRetention).catch(e => showError($('error'), e));
  }
  if (form.schoolId.value) {
    await show();
  }
  document.body.dataset.ready = 'true';
}

start();
