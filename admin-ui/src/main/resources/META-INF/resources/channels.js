// The ways notifications went out (issue 22, "delivery, whichever way it went"): for each notification of a
// request, whom it went to, when an open Corridor screen got it, and each push or email attempt, accepted or
// not. Routing diagnostics and the auditor's pass record both show it.
import { el } from '/corridor.js';

const KINDS = {
  REQUEST: 'Request',
  REQUEST_AGAIN: 'Reminder',
  REQUEST_ESCALATED: 'Escalation',
  REQUEST_DECIDED: 'Decision',
  ON_THE_WAY: 'On the way',
  PASS_STARTED: 'Pass started',
  LONG_RUNNING: 'Out a long time',
  ENDED_BY_SYSTEM: 'Ended by the time limit',
};

const CHANNELS = { PUSH: 'Push', EMAIL: 'Email' };

function attempt(a, when) {
  const shown = a.detail === 'shown by the browser';
  const what = shown ? `${CHANNELS[a.channel] ?? a.channel}: shown by the device`
    : `${CHANNELS[a.channel] ?? a.channel} ${a.accepted ? 'accepted' : 'not accepted'}`;
  return el('li', { class: a.accepted ? 'yes' : 'no', dataset: { channel: a.channel } }, `${what} `, when(a.at),
    a.detail && !shown ? el('span', { class: 'detail' }, ` (${a.detail})`) : null);
}

/**
 * A list of the deliveries: one item per notification, with its channels. `when(iso)` renders a time on the
 * school's clock. Empty deliveries: a short sentence.
 */
export function deliveryList(deliveries, when) {
  if (!deliveries?.length) {
    return el('span', { class: 'hint' }, 'No notification');
  }
  return el('ul', { class: 'channels' }, deliveries.map(d => el('li', { dataset: { kind: d.kind } },
    `${KINDS[d.kind] ?? d.kind} to ${d.recipient?.name ?? 'someone no longer here'}: `,
    el('ul', {},
      el('li', { class: d.screenAt ? 'yes' : 'no', dataset: { channel: 'SCREEN' } },
        d.screenAt ? ['Screen ', when(d.screenAt)] : 'Screen: not open'),
      d.attempts.map(a => attempt(a, when))))));
}
