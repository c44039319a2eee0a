-- How many students are out (ACTIVE or LONG_RUNNING) at each location now, kept by the pass lifecycle in
-- the same transaction as every pass's change into or out of those states (org.corridor.destination.Occupancy),
-- so the policy facts read a school's few counters instead of counting its open passes on every evaluation.
-- A table of its own, not a column of location: bringing a student back then needs only a shared lock on the
-- location row (which writing the pass's state takes anyway, for its foreign key), not an exclusive one that
-- new requests' foreign key checks and the lifecycle's timers would wait for.
-- school_id is the location's (a location never changes school): the hallway count is the sum over a school;
-- its index leaves out out_now, so changing a count does not touch the index.
CREATE TABLE destination_occupancy (
    location_id VARCHAR(36) NOT NULL PRIMARY KEY,
    school_id   VARCHAR(36) NOT NULL,
    out_now     INT         NOT NULL,
    CONSTRAINT fk_occupancy_location FOREIGN KEY (location_id) REFERENCES location (id) ON DELETE CASCADE
);
CREATE INDEX ix_occupancy_school ON destination_occupancy (school_id);

-- A database from before the counters: start each from the passes out there now. Locations made later get
-- their row when their first student goes out.
INSERT INTO destination_occupancy (location_id, school_id, out_now)
SELECT l.id, l.school_id,
       (SELECT COUNT(*) FROM hall_pass p WHERE p.destination_id = l.id AND p.state IN ('ACTIVE', 'LONG_RUNNING'))
FROM location l;
