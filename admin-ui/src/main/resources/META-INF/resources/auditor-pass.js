// A pass's whole record for an auditor: the pass, its path on the BPMN diagram (bpmn-js, the bpmn.io viewer,
// drawing the model the engine deployed; visited steps marked and timed, the current one distinct), its
// timeline, the flags with the facts the rules saw and the rule-set version, and who read it.
import { api, byId as $, dateTime, el, showError } from '/corridor.js';
import { at, openAuditorScreen, titled } from '/audit.js';
import { deliveryList } from '/channels.js';

const VIEWER = '/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js';

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`${src} could not be loaded.`));
    document.head.append(script);
  });
}

function summary(pass, zone) {
  const rows = [
    ['Student', pass.student?.name],
    ['State', `${pass.state}${pass.status ? ` (${pass.status})` : ''}`],
    ['Type', `${pass.type}${pass.autoPass ? ' (auto pass)' : ''} · ${pass.channel}`],
    ['From', pass.departingFrom ? `${pass.departingFrom.section ?? ''} (${pass.departingFrom.teacher?.name ?? ''}, ${pass.departingFrom.room?.name ?? ''})` : ''],
    ['To', pass.destination?.name],
    ['Routed to', pass.routedTo?.name],
    ['Requested', dateTime(pass.requestedAt, zone)],
    ['Approved', dateTime(pass.approvedAt, zone)],
    ['Out', dateTime(pass.startedAt, zone)],
    ['Back', dateTime(pass.endedAt, zone)],
    ['Note', pass.note],
    ['Denied because', pass.denyReason],
  ].filter(([, value]) => value);
  $('summary').replaceChildren(...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
  $('summary').append(el('dt', {}, 'Whole history'), el('dd', {},
    el('a', { href: `/auditor-student.html?id=${encodeURIComponent(pass.student.id)}` }, `Every pass of ${pass.student.name}`)));
}

function timeline(events) {
  $('timeline').tBodies[0].replaceChildren(...events.map(e => el('tr', {},
    el('td', {}, at(e.occurredAt)),
    el('td', {}, e.kind),
    el('td', {}, e.fromState && e.toState ? `${e.fromState} → ${e.toState}` : (e.toState ?? '')),
    el('td', {}, [e.actor?.name, e.onBehalfOf ? `for ${e.onBehalfOf.name}` : null].filter(Boolean).join(' ')),
    el('td', {}, e.detail ?? ''))));
}

function deliveries(list) {
  $('deliveries').replaceChildren(deliveryList(list, iso => at(iso)));
}

function rules({ flags, facts }) {
  $('no-flags').hidden = flags.length > 0;
  $('flags').tBodies[0].replaceChildren(...flags.map(f => el('tr', {},
    el('td', {}, f.code), el('td', {}, f.severity), el('td', {}, f.message), el('td', {}, f.rule),
    el('td', {}, f.ruleSetVersion))));
  $('facts').textContent = facts === null || facts === undefined ? 'The rules never evaluated this pass.'
    : JSON.stringify(facts, null, 2);
}

function readers(readBy) {
  $('no-readers').hidden = readBy.length > 0;
  $('readers').tBodies[0].replaceChildren(...readBy.map(r => el('tr', {},
    el('td', {}, at(r.readAt)), el('td', {}, r.reader ?? r.readerId), el('td', {}, r.what), el('td', {}, el('code', {}, r.endpoint)))));
}

/**
 * One process instance of the pass: its model drawn, the visited elements marked (class `visited`, the
 * sequence flows between two visited elements `visited-flow`), the one still open `current`, each step's
 * time as an overlay; and the same steps as a table beside it, for whoever does not read the picture.
 */
async function drawProcess(process, index) {
  const model = await api(`/api/audit/models/${encodeURIComponent(process.process)}?version=${process.version}`);
  const titleId = `process-${index}`;
  const canvasBox = el('div', { class: 'diagram', id: `diagram-${index}`, role: 'group',
    'aria-label': `Diagram of ${model.name ?? model.key} (version ${model.version}) with the pass's path marked; the steps are listed below it` });
  const steps = el('table', { class: 'steps' },
    el('caption', {}, `Steps of ${model.name ?? model.key}, in order`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Reached'), el('th', { scope: 'col' }, 'Step'),
      el('th', { scope: 'col' }, 'Kind'), el('th', { scope: 'col' }, 'Left'))),
    el('tbody', {}, process.activities.map(s => el('tr', { class: !s.endedAt && !process.endedAt ? 'current' : null },
      el('td', {}, at(s.startedAt)),
      el('td', {}, s.name ?? s.activityId, !s.endedAt && !process.endedAt ? ' (now)' : ''),
      el('td', {}, s.type),
      el('td', {}, s.endedAt ? at(s.endedAt) : (process.endedAt ? '' : 'still here'))))));
  $('diagrams').append(el('section', { 'aria-labelledby': titleId },
    el('h3', { id: titleId }, `${model.name ?? model.key} — version ${model.version}${process.endedAt ? ', ended' : ', running'}`),
    canvasBox, el('div', { class: 'scroll' }, steps)));

  const viewer = new window.BpmnJS({ container: canvasBox });
  await viewer.importXML(model.xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  canvas.zoom('fit-viewport');
  const visited = new Set(process.activities.map(s => s.activityId));
  for (const s of process.activities) {
    const shape = registry.get(s.activityId);
    if (!shape) {
      continue;
    }
    const current = !s.endedAt && !process.endedAt;
    canvas.addMarker(s.activityId, 'visited');
    if (current) {
      canvas.addMarker(s.activityId, 'current');
    }
    overlays.add(s.activityId, {
      position: { bottom: -2, left: 0 },
      html: el('span', { class: `step-time${current ? ' current-time' : ''}`, 'data-activity': s.activityId },
        new Date(s.startedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: zoneOf })),
    });
    for (const flow of shape.incoming ?? []) {
      if (flow.type === 'bpmn:SequenceFlow' && visited.has(flow.source.id)) {
        canvas.addMarker(flow.id, 'visited-flow');
      }
    }
  }
}

let zoneOf;

async function start() {
  const me = await openAuditorScreen();
  if (!me) {
    return;
  }
  zoneOf = me.timeZone || undefined;
  const id = new URLSearchParams(location.search).get('id');
  if (!id) {
    showError($('error'), new Error('Which pass? Open one from the search.'));
    return;
  }
  try {
    const record = await api(`/api/audit/passes/${encodeURIComponent(id)}`);
    titled(`${record.pass.student.name}'s pass to ${record.pass.destination.name}, ${dateTime(record.pass.requestedAt)}`);
    summary(record.pass);
    timeline(record.events);
    deliveries(record.deliveries ?? []);
    rules(record.rules);
    readers(record.readBy);
    $('record').hidden = false;
    const [path] = await Promise.all([api(`/api/audit/passes/${encodeURIComponent(id)}/path`), loadScript(VIEWER)]);
    if (!path.processes.length) {
      $('diagrams').append(el('p', { class: 'hint' }, 'The engine keeps no history of this pass (it may have been cleaned up).'));
    }
    for (const [index, process] of path.processes.entries()) {
      await drawProcess(process, index);
    }
    document.body.dataset.diagram = 'drawn';
  } catch (e) {
    showError($('error'), e);
  }
  document.body.dataset.ready = 'true';
}

start();
