-- Issue 15: one row per offer instead of one per offer × commune pair. The full precompute of Lozère + neighbours
-- wrote 924,051 rows (40 s on H2, 7–12 s on PostgreSQL, with both indexes maintained row by row); packed, 4,688.
-- times: the offer's pairs (fr.proxima.routing.PackedTimes: per commune, its code, the seconds out and in, the metres
-- and the method); pairs: how many. The old rows are not converted: the source tables are emptied, so the first
-- refresh after this migration (at start) recomputes every offer, and coverage uses estimates until it commits.
-- With one row per offer, the foreign key's per-row check costs nothing (V19 replaced it by a trigger): it is back.
-- Keep in step with the h2 folder.
DROP TRIGGER offer_deleted_removes_travel_times ON offer;
DROP FUNCTION offer_commune_time_of_deleted_offers();
DROP TABLE offer_commune_time;
CREATE TABLE offer_times (
    offer_id BIGINT PRIMARY KEY REFERENCES offer (id) ON DELETE CASCADE,
    pairs    INT NOT NULL,
    times    BYTEA NOT NULL
);
-- Floats do not compress: store the values out of line without trying.
ALTER TABLE offer_times ALTER COLUMN times SET STORAGE EXTERNAL;
DELETE FROM offer_time_source;
DELETE FROM commune_time_source;
