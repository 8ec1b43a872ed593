-- Incremental precompute (issue 15, docs/travel-times.md): what the rows of offer_commune_time were computed from, so
-- that a refresh recomputes only the offers and communes that changed. Keep in step with the other folder.

-- One row per offer whose rows are stored. engine: a hash of the graph fingerprint, the estimate settings and the
-- cutoff (a change recomputes every offer); place: the offer's position and family as computed; changed_run: the run
-- that published its rows (null until one does), so that a cache holding an earlier run reloads only what changed.
-- No foreign key: the refresh finds the rows of deleted or unlocated offers here and removes them.
CREATE TABLE offer_time_source (
    offer_id    BIGINT PRIMARY KEY,
    engine      VARCHAR(64) NOT NULL,
    place       VARCHAR(120) NOT NULL,
    changed_run BIGINT
);
CREATE INDEX offer_time_source_run_idx ON offer_time_source (changed_run);

-- One row per commune whose column is stored: its representative point as computed (a new or moved commune
-- recomputes its column, a removed one loses it).
CREATE TABLE commune_time_source (
    commune_code VARCHAR(5) PRIMARY KEY,
    place        VARCHAR(80) NOT NULL,
    changed_run  BIGINT
);

-- based_on: the run this one changed incrementally (every change recorded in the two tables above); null after a full
-- recompute or a fill by other means, which make caches reload the whole table.
ALTER TABLE travel_time_run ADD COLUMN based_on BIGINT;
