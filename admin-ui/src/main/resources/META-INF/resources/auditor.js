// The auditor's page: says plainly that the auditor's desk is not built yet, and what works today.
import { byId as $ } from '/corridor.js';
import { openScreen } from '/layout.js';

async function start() {
  const me = await openScreen({ role: 'AUDITOR', people: 'auditors' });
  $('desk').hidden = !me;
}

start();
