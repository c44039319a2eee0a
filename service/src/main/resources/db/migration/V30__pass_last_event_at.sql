-- The time of a pass's latest audit line, kept on the pass (issue 21): the next line is written strictly after
-- it without reading max(occurred_at) from pass_event first, one statement fewer for every step of a pass.
-- Passes from before this version get it from their lines once, here.
ALTER TABLE hall_pass ADD last_event_at DATETIME(3);
UPDATE hall_pass SET last_event_at = (SELECT MAX(e.occurred_at) FROM pass_event e WHERE e.pass_id = hall_pass.id);
