-- One row per one-time seeding step. An instance seeding locks its row first (select ... for update), so
-- instances started together on an empty database seed once: the second waits, then finds the seed there.
CREATE TABLE seed_lock (
    name varchar(64) not null primary key
);

INSERT INTO seed_lock (name) VALUES ('demo-school');
