// Routing diagnostics as a form: a student (searched by name or number), optionally the teacher who expected
// the request, optionally a moment on the school's clock → GET /api/admin/routing: the verdict, every reason,
// and the student's recent requests with delivered / seen / escalated and the channels each went out on. Read only; REST API only.
import {
  api, byId as $, clearProblem, dateTime, el, formProblem, showError, showProblem, studentSearch,
} from '/corridor.js';
import { openScreen } from '/layout.js';
import { deliveryList } from '/channels.js';

const say = sentence => { $('live').textContent = sentence; };

const VERDICTS = {
  ROUTED: { text: 'Routed', tone: 'routed' },
  CHOICE: { text: 'The student chooses the class', tone: 'routed' },
  REFUSED: { text: 'Refused', tone: 'refused' },
};

async function loadTeachers(schoolId) {
  if (!schoolId) {
    return;
  }
  const school = await api(`/api/admin/schools/${encodeURIComponent(schoolId)}/coverage`);
  $('teacher').replaceChildren(el('option', { value: '' }, 'Any teacher'),
    ...school.teachers.map(t => el('option', { value: t.id }, t.name)));
}

/** "14:05" of a day on the school's clock; "—" for nothing. */
const when = iso => (iso ? el('time', { datetime: iso }, dateTime(iso)) : '—');

function outcome(r) {
  if (r.decision) {
    const by = r.decision.by ? ` by ${r.decision.by.name}` : '';
    const reason = r.decision.reason ? `: ${r.decision.reason}` : '';
    return `${r.decision.outcome === 'APPROVED' ? 'Approved' : r.decision.outcome === 'DENIED' ? 'Denied' : 'Denied by a rule'}${by}${reason}`;
  }
  return r.endReason ? `${r.state}: ${r.endReason}` : r.state;
}

function show(answer) {
  $('answer').hidden = false;
  const verdict = VERDICTS[answer.verdict];
  $('verdict').className = `verdict ${verdict.tone}`;
  $('verdict').textContent = `${verdict.text} — ${answer.student.name} at ${answer.schoolTime} (${answer.school.name})`;
  $('explanation').textContent = answer.explanation;
  $('teacher-answer').hidden = !answer.teacher;
  $('teacher-answer').replaceChildren(...(answer.teacher ? [
    el('strong', { class: answer.teacher.wouldReceive ? 'yes' : 'no' },
      `${answer.teacher.name}: ${answer.teacher.wouldReceive ? 'would receive it' : 'would not receive it'}. `),
    answer.teacher.explanation] : []));
  $('emergency').hidden = !answer.emergencyInForce;
  $('emergency').textContent = answer.emergencyInForce ? `${answer.school.name} is in an emergency: every request is refused until it is cleared.` : '';
  $('no-sections').hidden = answer.sections.length > 0;
  $('sections').tBodies[0].replaceChildren(...answer.sections.map(s => el('tr', { class: s.offered ? 'offered' : '' },
    el('th', { scope: 'row' }, s.name),
    el('td', {}, s.periods.join(', ') || '—'),
    el('td', {}, s.coveredBy
      ? `${s.coveredBy.teacher.name} (covering until ${s.coveredBy.until}; main teacher ${s.mainTeacher?.name ?? 'none'})`
      : s.mainTeacher?.name ?? 'No main teacher'),
    el('td', {}, el('span', { class: s.offered ? 'yes' : 'no' }, s.offered ? 'Yes' : 'No')),
    el('td', {}, s.reason))));
  $('no-recent').hidden = answer.recentRequests.length > 0;
  $('recent').tBodies[0].replaceChildren(...answer.recentRequests.map(r => el('tr', {},
    el('td', {}, when(r.requestedAt)),
    el('td', {}, `${r.departingFrom.section.name}${r.departingFrom.room ? `, ${r.departingFrom.room.name}` : ''}`),
    el('td', {}, r.routedTo?.name ?? '—', r.wentToTeacher === false ? el('span', { class: 'no' }, ' (not the teacher asked about)') : null),
    el('td', {}, when(r.deliveredAt)),
    el('td', {}, when(r.seenAt)),
    el('td', {}, when(r.escalatedAt)),
    el('td', {}, deliveryList(r.deliveries, when)),
    el('td', {}, outcome(r)))));
  // the answer is below the form: bring it into view, and a screen reader to it
  $('answer-title').focus();
}

async function ask(event) {
  event.preventDefault();
  const form = $('ask-form');
  clearProblem(form, $('ask-error'));
  if (!$('student').value) {
    showProblem(form, formProblem({ studentId: 'Find and choose the student first.' }));
    return;
  }
  const query = new URLSearchParams({ studentId: $('student').value });
  if ($('teacher').value) {
    query.set('teacherId', $('teacher').value);
  }
  if ($('at').value) {
    query.set('at', $('at').value);
  }
  $('ask').disabled = true;
  try {
    show(await api(`/api/admin/routing?${query}`));
    say('Explained below.');
  } catch (e) {
    showProblem(form, e);
  } finally {
    $('ask').disabled = false;
  }
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  studentSearch({ form: $('ask-form'), name: 'student', field: 'studentId', find: 'Find a student',
    label: 'Student', none: 'Find the student first', announce: say, empty: () => showProblem($('ask-form'),
      formProblem({ studentId: 'Type the start of a name, or a student number, then Find.' })) });
  $('ask-form').addEventListener('submit', ask);
  try {
    await loadTeachers(me.schoolId);
  } catch (e) {
    showError($('error'), e);
  }
  document.body.dataset.ready = 'true';
}

start();
