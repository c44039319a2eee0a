// A student's whole history: every pass, oldest first (GET /api/audit/passes?studentId=), a page at a time,
// and all of it as one CSV file.
import { api, byId as $, showError } from '/corridor.js';
import { downloadCsv, openAuditorScreen, pager, passRows, say as live, titled } from '/audit.js';

let student;

async function load(page) {
  const found = await api(`/api/audit/passes?studentId=${encodeURIComponent(student)}&sort=requestedAt,asc&size=100&page=${page}`);
  const first = found.passes[0];
  if (first) {
    titled(`${first.student.name}'s history${first.studentNumber ? ` (${first.studentNumber})` : ''}`);
  }
  $('history').tBodies[0].replaceChildren(...passRows(found.passes, { student: false }));
  $('empty').hidden = found.total > 0;
  pager($('pager'), found, p => load(p).catch(e => showError($('error'), e)));
  $('history-panel').hidden = false;
}

async function start() {
  const me = await openAuditorScreen();
  if (!me) {
    return;
  }
  student = new URLSearchParams(location.search).get('id');
  if (!student) {
    showError($('error'), new Error('Which student? Open one from the search.'));
    return;
  }
  $('reads-link').href = `/auditor-reads.html?studentId=${encodeURIComponent(student)}`;
  $('reads-link').hidden = !me.roles.includes('AUDITOR');
  $('export').addEventListener('click', async () => {
    showError($('error'), null);
    try {
      await downloadCsv(`/api/audit/passes?studentId=${encodeURIComponent(student)}&sort=requestedAt,asc`, 'history.csv');
      live('The CSV file is downloaded.');
    } catch (e) {
      showError($('error'), e);
    }
  });
  try {
    await load(0);
  } catch (e) {
    showError($('error'), e);
  }
  document.body.dataset.ready = 'true';
}

start();
