// The policy console: the district's versions, a DRL editor (CodeMirror 5, served as a WebJar), validation
// marked at each problem's line and column, diffs, dry-runs, activation and roll-back. REST API only.
import { api, clearProblem, confirmThen, dateTime, el, showError, showProblem } from '/corridor.js';
import { openScreen } from '/layout.js';

/**
 * Loads classic scripts (a WebJar's, such as CodeMirror 5 and its addons) one after the other: the pages
 * themselves load one module and nothing inline.
 */
async function loadScripts(...sources) {
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

const $ = id => document.getElementById(id);
const UNSAVED = 'corridor.rules.unsaved';
const BASE = '/api/admin/rule-sets';

let editor;
let versions = [];
let timeZone = 'UTC';
let annotations = [];
/** The text last loaded or stored: what "unsaved changes" are measured against. */
let pristine = '';

const live = message => { $('live').textContent = message; };
const active = () => versions.find(v => v.status === 'ACTIVE');

/** DRL highlighting: keywords, strings, comments, $bindings, and the fact types the server lists. */
function defineDrlMode(factModel) {
  const types = factModel.factTypes.map(t => t.name).concat([factModel.output, 'Severity']);
  CodeMirror.defineSimpleMode('drl', {
    start: [
      { regex: /\/\/.*/, token: 'comment' },
      { regex: /\/\*/, token: 'comment', next: 'comment' },
      { regex: /"(?:[^\\"]|\\.)*"?/, token: 'string' },
      { regex: /\b(?:package|import|rule|when|then|end|salience|no-loop|not|exists|and|or|insert|new|true|false|null)\b/,
        token: 'keyword' },
      { regex: new RegExp(`\\b(?:${types.join('|')})\\b`), token: 'type' },
      { regex: /\$[A-Za-z_]\w*/, token: 'variable-2' },
      { regex: /\d+(?:\.\d+)?/, token: 'number' },
      { regex: /[-+*/=<>!&|]+/, token: 'operator' },
      { regex: /[{[(]/, indent: true },
      { regex: /[}\])]/, dedent: true },
    ],
    comment: [
      { regex: /.*?\*\//, token: 'comment', next: 'start' },
      { regex: /.*/, token: 'comment' },
    ],
    meta: { lineComment: '//' },
  });
}

function makeEditor() {
  editor = CodeMirror.fromTextArea($('drl'), {
    mode: 'drl',
    lineNumbers: true,
    matchBrackets: true,
    indentUnit: 4,
    gutters: ['CodeMirror-linenumbers', 'CodeMirror-lint-markers'],
    lint: { getAnnotations: () => annotations, lintOnChange: false },
  });
  // The editor types into a hidden textarea of its own: give it the label's name.
  editor.getInputField().setAttribute('aria-label', 'Rules (DRL)');
  editor.on('change', () => {
    const text = editor.getValue();
    if (text !== pristine) {
      localStorage.setItem(UNSAVED, JSON.stringify({ text, base: $('editor-base').dataset.base || '' }));
    } else {
      localStorage.removeItem(UNSAVED);
    }
  });
}

function load(text, baseLabel) {
  pristine = text;
  editor.setValue(text);
  localStorage.removeItem(UNSAVED);
  $('editor-base').dataset.base = baseLabel;
  $('editor-base').textContent = `Starting from ${baseLabel}. Storing makes a new draft version; nothing runs until it is activated.`;
  markProblems([]);
}

// --- the fact model and templates beside the editor

function renderFactModel(model) {
  $('output-type').textContent = model.output;
  $('severities').textContent = model.severities.join(', ');
  $('fact-model').replaceChildren(...model.factTypes.map(type => el('details', {},
    el('summary', {}, type.name),
    el('ul', { class: 'properties' }, type.properties.map(p =>
      el('li', {}, el('code', {}, p.name), ` ${p.type} · `, el('code', {}, `${p.getter}()`)))))));
}

function renderTemplates(templates) {
  $('templates').replaceChildren(...templates.map(t => el('li', {},
    el('button', { type: 'button', 'data-template': t.id, onclick: () => insertTemplate(t) }, `Insert: ${t.name}`),
    el('p', { class: 'hint' }, t.description))));
}

function insertTemplate(template) {
  const doc = editor.getDoc();
  const at = doc.getCursor();
  const before = at.ch === 0 ? '\n' : '\n\n';
  doc.replaceRange(before + template.drl, at);
  editor.focus();
  live(`Inserted the template "${template.name}" at line ${at.line + 1}.`);
}

// --- problems: marked in the editor (lint gutter and underline) and listed below it

function markProblems(problems) {
  annotations = problems.map(p => {
    const line = Math.max(0, (p.line || 1) - 1);
    const text = editor.getLine(line) ?? '';
    const ch = Math.min(Math.max(0, (p.column || 1) - 1), text.length);
    const word = /^[\w$.]+/.exec(text.slice(ch));
    return {
      from: CodeMirror.Pos(line, ch),
      to: CodeMirror.Pos(line, word ? ch + word[0].length : Math.min(ch + 1, text.length)),
      message: p.reason,
      severity: 'error',
    };
  });
  editor.performLint();
  if (annotations.length) {
    // the first problem in view: a long rule set would otherwise hide it below the fold
    editor.scrollIntoView(annotations[0].from, 80);
  }
  $('problems-title').hidden = problems.length === 0;
  $('problem-list').replaceChildren(...problems.map(p => el('li', {},
    el('button', {
      type: 'button', class: 'link', onclick: () => {
        editor.focus();
        editor.setCursor({ line: Math.max(0, p.line - 1), ch: Math.max(0, p.column - 1) });
      },
    }, `Line ${p.line}, column ${p.column}`), `: ${p.reason}`)));
}

async function validate() {
  showError($('error'), null);
  try {
    const answer = await api(`${BASE}/check`, { method: 'POST', body: { drl: editor.getValue() } });
    markProblems(answer.problems);
    live(answer.valid ? 'No problems: the guard and the compiler accept these rules.'
      : `${answer.problems.length} problem(s) found; each is marked at its line.`);
  } catch (e) {
    showError($('error'), e);
  }
}

async function store() {
  showError($('error'), null);
  clearProblem($('editor-title').parentElement, $('error'));
  try {
    const stored = await api(BASE, { method: 'POST', body: { drl: editor.getValue(), note: $('note').value || null } });
    pristine = stored.drl;
    localStorage.removeItem(UNSAVED);
    markProblems([]);
    $('note').value = '';
    await refreshVersions();
    const current = active();
    if (current) {
      $('diff-from').value = String(current.version);
    }
    $('diff-to').value = String(stored.version);
    $('dry-version').value = String(stored.version);
    $('editor-base').dataset.base = `v${stored.version}`;
    live(`Stored as version v${stored.version}, a draft. Compare it, dry-run it, then activate it.`);
  } catch (e) {
    if (e.problem?.problems) {
      markProblems(e.problem.problems);
      live(`Not stored: ${e.problem.problems.length} problem(s), each marked at its line. Your text is kept.`);
    } else if (e.problem?.errors) {
      showProblem($('editor-title').parentElement, e, { alert: $('error') });
    } else {
      showError($('error'), e);
    }
  }
}

// --- versions

async function refreshVersions() {
  versions = await api(BASE);
  timeZone = versions[0]?.timeZone || timeZone;
  const current = active();
  $('active-summary').textContent = current
    ? `v${current.version} is active since ${dateTime(current.activatedAt, timeZone)} (${timeZone}).`
    : 'No version is active: the default rules apply.';
  $('versions').tBodies[0].replaceChildren(...versions.map(v => el('tr', { class: v.status === 'ACTIVE' ? 'active' : '' },
    el('th', { scope: 'row' }, `v${v.version}`),
    el('td', {}, el('span', { class: `status ${v.status.toLowerCase()}` }, v.status)),
    el('td', {}, v.note || ''),
    el('td', {}, v.authorName || v.authorId || ''),
    el('td', {}, dateTime(v.createdAt, timeZone)),
    el('td', { class: 'actions' }, actionsOf(v)))));
  for (const select of [$('diff-from'), $('diff-to'), $('dry-version')]) {
    const kept = select.value;
    select.replaceChildren(...versions.map(v => el('option', { value: String(v.version) },
      `v${v.version} (${v.status.toLowerCase()})${v.note ? ` — ${v.note}` : ''}`)));
    if (kept && versions.some(v => String(v.version) === kept)) {
      select.value = kept;
    }
  }
}

function actionsOf(v) {
  const buttons = [el('button', { type: 'button', onclick: () => editCopy(v) }, `Edit a copy of v${v.version}`)];
  if (active() && v.status !== 'ACTIVE') {
    buttons.push(el('button', { type: 'button', onclick: () => compare(active().version, v.version) },
      `Compare v${v.version} with the active one`));
  }
  if (v.status === 'DRAFT') {
    buttons.push(el('button', { type: 'button', class: 'primary', onclick: () => activate(v) }, `Activate v${v.version}…`));
  }
  if (v.status === 'RETIRED') {
    buttons.push(el('button', { type: 'button', onclick: () => rollBack(v) }, `Roll back to v${v.version}…`));
  }
  return buttons;
}

async function editCopy(v) {
  const detail = await api(`${BASE}/${v.version}`);
  if (editor.getValue() === pristine) {
    load(detail.drl, `v${v.version}`);
    return;
  }
  confirmThen({
    title: 'Replace the text in the editor?',
    body: [el('p', {}, `The editor holds changes that are not stored. They are replaced by the text of v${v.version}.`)],
    yes: `Replace with v${v.version}`,
    action: async () => load(detail.drl, `v${v.version}`),
  });
}

/** The rules of a DRL text by name, each with its text: what activation adds, removes or changes. */
function rulesOf(drl) {
  const rules = new Map();
  const pattern = /^\s*rule\s+"([^"]+)"[\s\S]*?^\s*end\b/gm;
  for (const match of drl.matchAll(pattern)) {
    rules.set(match[1], match[0].trim());
  }
  return rules;
}

function changeSummary(fromDrl, toDrl) {
  const before = rulesOf(fromDrl);
  const after = rulesOf(toDrl);
  const added = [...after.keys()].filter(name => !before.has(name));
  const removed = [...before.keys()].filter(name => !after.has(name));
  const changed = [...after.keys()].filter(name => before.has(name) && before.get(name) !== after.get(name));
  const line = (label, names) => el('li', {}, `${label}: `, names.length ? names.map(n => `"${n}"`).join(', ') : 'none');
  return el('ul', { class: 'changes' }, line('Rules added', added), line('Rules removed', removed),
    line('Rules changed', changed));
}

async function activate(v) {
  const current = active();
  const [next, running] = await Promise.all([api(`${BASE}/${v.version}`),
    current ? api(`${BASE}/${current.version}`) : Promise.resolve({ drl: '' })]);
  confirmThen({
    title: `Activate v${v.version}?`,
    body: [
      el('p', {}, current
        ? `v${v.version} replaces v${current.version} for every school of the district. The next request is checked by v${v.version}; passes flagged earlier keep their flags and the version that raised them.`
        : `v${v.version} becomes the district's rules. The next request is checked by it.`),
      changeSummary(running.drl, next.drl),
    ],
    yes: `Activate v${v.version}`,
    action: async () => {
      const started = performance.now();
      await api(`${BASE}/${v.version}/activate`, { method: 'POST' });
      await refreshVersions();
      live(`v${v.version} is active (${Math.round(performance.now() - started)} ms).`);
    },
  });
}

async function rollBack(v) {
  const current = active();
  const [target, running] = await Promise.all([api(`${BASE}/${v.version}`),
    current ? api(`${BASE}/${current.version}`) : Promise.resolve({ drl: '' })]);
  const next = Math.max(...versions.map(x => x.version)) + 1;
  confirmThen({
    title: `Roll back to v${v.version}?`,
    body: [
      el('p', {}, `The text of v${v.version} is stored as v${next} and becomes active at once`
        + (current ? `, in place of v${current.version}.` : '.') + ' The next request is checked by it.'),
      changeSummary(running.drl, target.drl),
    ],
    yes: `Roll back to v${v.version}`,
    action: async () => {
      const made = await api(`${BASE}/${v.version}/roll-back`, { method: 'POST' });
      await refreshVersions();
      live(`Rolled back: v${made.version} (the text of v${v.version}) is active.`);
    },
  });
}

// --- diff

async function compare(from, to) {
  $('diff-from').value = String(from);
  $('diff-to').value = String(to);
  await showDiff();
  $('diff-title').scrollIntoView();
}

async function showDiff() {
  showError($('diff-error'), null);
  const from = $('diff-from').value;
  const to = $('diff-to').value;
  try {
    const diff = await api(`${BASE}/${from}/diff/${to}`);
    const sideBySide = document.querySelector('input[name="diff-view"]:checked').value === 'side';
    $('diff-summary').textContent = `From v${from} to v${to}: ${diff.added} line(s) added, ${diff.removed} removed.`;
    $('diff').replaceChildren(sideBySide ? sideBySideTable(diff) : unifiedTable(diff));
  } catch (e) {
    showError($('diff-error'), e);
  }
}

const SIGN = { KEPT: ' ', REMOVED: '−', ADDED: '+' };

function unifiedTable(diff) {
  return el('table', { class: 'diff unified' },
    el('caption', { class: 'visually-hidden' }, `Unified difference from v${diff.from} to v${diff.to}`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, `v${diff.from}`), el('th', { scope: 'col' }, `v${diff.to}`),
      el('th', { scope: 'col' }, 'Change'), el('th', { scope: 'col' }, 'Line'))),
    el('tbody', {}, diff.lines.map(l => el('tr', { class: l.change.toLowerCase() },
      el('td', { class: 'num' }, l.fromLine ?? ''), el('td', { class: 'num' }, l.toLine ?? ''),
      el('td', { class: 'sign', 'aria-label': l.change.toLowerCase() }, SIGN[l.change]),
      el('td', {}, el('code', {}, l.text))))));
}

/** Removed lines beside the added lines that replace them; kept lines on both sides. */
function sideBySideTable(diff) {
  const rows = [];
  let removed = [];
  let added = [];
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      rows.push([removed[i], added[i]]);
    }
    removed = [];
    added = [];
  };
  for (const line of diff.lines) {
    if (line.change === 'REMOVED') {
      removed.push(line);
    } else if (line.change === 'ADDED') {
      added.push(line);
    } else {
      flush();
      rows.push([line, line]);
    }
  }
  flush();
  const cells = (line, side) => line
    ? [el('td', { class: 'num' }, side === 'from' ? line.fromLine : line.toLine),
      el('td', { class: line.change === 'KEPT' ? '' : line.change.toLowerCase() },
        line.change === 'KEPT' ? '' : el('span', { class: 'sign', 'aria-label': line.change.toLowerCase() }, SIGN[line.change]),
        el('code', {}, line.text))]
    : [el('td', { class: 'num' }), el('td', { class: 'empty' })];
  return el('table', { class: 'diff side' },
    el('caption', { class: 'visually-hidden' }, `v${diff.from} beside v${diff.to}`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Line'), el('th', { scope: 'col' }, `v${diff.from}`),
      el('th', { scope: 'col' }, 'Line'), el('th', { scope: 'col' }, `v${diff.to}`))),
    el('tbody', {}, rows.map(([left, right]) => el('tr', {}, cells(left, 'from'), cells(right, 'to')))));
}

// --- dry-runs

async function replay(event) {
  event.preventDefault();
  const form = $('replay-form');
  clearProblem(form, $('replay-error'));
  const version = $('dry-version').value;
  const days = $('days').value === '' ? null : Number($('days').value);
  $('run-replay').disabled = true;
  try {
    const run = await api(`${BASE}/${version}/dry-run`, { method: 'POST', body: { days } });
    $('replay-result').replaceChildren(replayResult(run));
    live(`Dry-run on ${run.passesConsidered} passes of the last ${run.days} days done.`);
  } catch (e) {
    showProblem(form, e, { alert: $('replay-error') });
  } finally {
    $('run-replay').disabled = false;
  }
}

function replayResult(run) {
  const c = run.candidate.version;
  const a = run.active.version;
  return el('div', {},
    el('p', {}, `Of ${run.passesConsidered} pass(es) in the last ${run.days} day(s), ${c} would have flagged `
      + `${run.candidate.passesFlagged} and ${a} flagged ${run.active.passesFlagged}.`),
    run.rules.length === 0 ? el('p', {}, 'No rule of either version fires on these passes.')
      : el('div', { class: 'scroll' }, el('table', { id: 'replay-rules' },
        el('caption', {}, 'Passes flagged, per rule'),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Rule'), el('th', { scope: 'col', class: 'num' }, `${c} (tried)`),
          el('th', { scope: 'col', class: 'num' }, `${a} (active)`))),
        el('tbody', {}, run.rules.map(r => el('tr', {}, el('th', { scope: 'row' }, r.rule),
          el('td', { class: 'num' }, r.candidate), el('td', { class: 'num' }, r.active)))))),
    run.samples.length === 0 ? null : el('div', { class: 'scroll' }, el('table', { id: 'replay-samples' },
      el('caption', {}, `Some of those passes (times in the school's time zone)`),
      el('thead', {}, el('tr', {}, ['Rule', 'Version', 'Student', 'Destination', 'Time', 'Message']
        .map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, run.samples.map(s => el('tr', {}, el('td', {}, s.rule), el('td', {}, s.version),
        el('td', {}, s.student), el('td', {}, s.destination),
        el('td', {}, el('time', { datetime: s.requestedAt }, `${s.schoolTime} (${s.timeZone})`)),
        el('td', {}, s.message)))))));
}

const numberOf = id => ($(id).value === '' ? null : Number($(id).value));
const textOf = id => ($(id).value.trim() === '' ? null : $(id).value.trim());
const anyOf = (...values) => values.some(v => v !== null);

/** The scenario as typed: a group left empty is left out, so its fact is not inserted. */
function scenario() {
  const body = {};
  const dest = [textOf('s-dest-name'), numberOf('s-dest-capacity'), numberOf('s-dest-occupancy')];
  if (anyOf(...dest)) {
    body.destination = { name: dest[0], capacity: dest[1], occupancy: dest[2], open: $('s-dest-open').checked };
  }
  const usage = [numberOf('s-today'), numberOf('s-week'), numberOf('s-since')];
  if (anyOf(...usage)) {
    body.usage = { passesToday: usage[0], passesThisWeek: usage[1], minutesSinceLastPass: usage[2] };
  }
  if (numberOf('s-hall') !== null) {
    body.hallwayStudentsOut = numberOf('s-hall');
  }
  if (anyOf(textOf('s-partner'), textOf('s-partner-where'))) {
    body.noContactPartnerOut = { name: textOf('s-partner'), destination: textOf('s-partner-where') };
  }
  const period = [textOf('s-period'), numberOf('s-since-start'), numberOf('s-to-end')];
  if (anyOf(...period)) {
    body.period = { name: period[0], minutesSinceStart: period[1], minutesToEnd: period[2] };
  }
  if (textOf('s-accommodation')) {
    body.accommodationRule = textOf('s-accommodation');
  }
  return body;
}

async function runScenario(event) {
  event.preventDefault();
  const form = $('scenario-form');
  clearProblem(form, $('scenario-error'));
  const version = $('dry-version').value;
  $('run-scenario').disabled = true;
  try {
    const run = await api(`${BASE}/${version}/dry-run`, { method: 'POST', body: { scenario: scenario() } });
    $('scenario-result').replaceChildren(run.flags.length === 0
      ? el('p', {}, `No rule of v${run.version} fires on this scenario.`)
      : el('div', { class: 'scroll' }, el('table', { id: 'scenario-flags' },
        el('caption', {}, `Flags v${run.version} raises`),
        el('thead', {}, el('tr', {}, ['Rule', 'Code', 'Severity', 'Message', 'The student reads']
          .map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, run.flags.map(f => el('tr', { class: `flag ${f.severity.toLowerCase()}` },
          el('td', {}, f.rule), el('td', {}, el('code', {}, f.code)),
          el('td', {}, el('strong', {}, f.severity)), el('td', {}, f.message), el('td', {}, f.studentMessage)))))));
  } catch (e) {
    showProblem(form, e, { alert: $('scenario-error') });
  } finally {
    $('run-scenario').disabled = false;
  }
}

// --- start

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  try {
    await loadScripts('/webjars/codemirror/lib/codemirror.js', '/webjars/codemirror/addon/mode/simple.js',
      '/webjars/codemirror/addon/edit/matchbrackets.js', '/webjars/codemirror/addon/lint/lint.js');
    const [model, templates] = await Promise.all([api(`${BASE}/fact-model`), api(`${BASE}/templates`)]);
    defineDrlMode(model);
    makeEditor();
    renderFactModel(model);
    renderTemplates(templates);
    await refreshVersions();
    const current = active() || versions[0];
    const unsaved = JSON.parse(localStorage.getItem(UNSAVED) || 'null');
    if (current) {
      const detail = await api(`${BASE}/${current.version}`);
      load(detail.drl, `v${current.version}`);
      $('diff-from').value = String(current.version);
      $('dry-version').value = String(current.version);
    }
    if (unsaved?.text) {
      editor.setValue(unsaved.text);
      $('editor-base').textContent = `Your text not stored yet (started from ${unsaved.base || 'an earlier version'}) `
        + 'is back in the editor.';
      $('editor-base').dataset.base = unsaved.base || '';
    }
  } catch (e) {
    showError($('error'), e);
    return;
  }
  $('validate').addEventListener('click', validate);
  $('save').addEventListener('click', store);
  $('diff-form').addEventListener('submit', e => { e.preventDefault(); showDiff(); });
  $('replay-form').addEventListener('submit', replay);
  $('scenario-form').addEventListener('submit', runScenario);
  document.body.dataset.ready = 'true';
}

start();
