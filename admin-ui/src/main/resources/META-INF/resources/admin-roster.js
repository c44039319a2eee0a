// The roster's gaps of the administrator's school, as tables: classes that cannot route, students in no class.
import { api, byId as $, el, showError } from '/corridor.js';
import { openScreen } from '/layout.js';

const GAPS = {
  NO_PERIOD_IN_SCHEDULE: 'No period of the bell schedule (no request can leave it)',
  NO_ROOM: 'No room',
  NO_MAIN_TEACHER: 'No main teacher (nobody receives its requests)',
  NO_STUDENTS: 'No students',
};

function show(report) {
  const classes = report.classesWithGaps;
  $('summary').textContent = `${report.classes} class(es) in the school; ${classes.length} with gaps; `
    + `${report.studentsInNoClass.length} student(s) in no class.`;
  $('classes-empty').hidden = classes.length > 0;
  $('classes').tBodies[0].replaceChildren(...classes.map(c => el('tr', {},
    el('th', { scope: 'row' }, c.name),
    el('td', {}, c.sourceId || ''),
    el('td', {}, (c.periods || []).join(', ') || 'None'),
    el('td', {}, (c.periodsNotInSchedule || []).join(', ')),
    el('td', {}, el('ul', { class: 'gaps' }, c.gaps.map(g => el('li', {}, GAPS[g] || g)))))));
  $('students-empty').hidden = report.studentsInNoClass.length > 0;
  $('students').tBodies[0].replaceChildren(...report.studentsInNoClass.map(s => el('tr', {},
    el('th', { scope: 'row' }, s.name), el('td', {}, s.studentNumber || ''))));
}

async function start() {
  const me = await openScreen({ role: 'ADMIN', people: 'administrators' });
  if (!me) {
    return;
  }
  if (!me.schoolId) {
    showError($('error'), new Error('This account belongs to no school: the roster gaps are shown per school.'));
    return;
  }
  try {
    show(await api(`/api/admin/schools/${encodeURIComponent(me.schoolId)}/roster-gaps`));
  } catch (e) {
    showError($('error'), e);
    return;
  }
  document.body.dataset.ready = 'true';
}

start();
