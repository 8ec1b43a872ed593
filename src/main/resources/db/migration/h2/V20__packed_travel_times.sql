-- Issue 15: one row per offer instead of one per offer × commune pair. The full precompute of Lozère + neighbours
-- wrote 924,051 rows (40 s on H2, 7–12 s on PostgreSQL, with both indexes maintained row by row); packed, 4,688.
-- times: the offer's pairs (fr.proxima.routing.PackedTimes: per commune, its code, the seconds out and in, the metres
-- and the method); pairs: how many. The old rows are not converted: the source tables are emptied, so the first
-- refresh after this migration (at start) recomputes every offer, and coverage uses estimates until it commits.
-- Keep in step with the postgresql folder.
DROP TABLE offer_commune_time;
CREATE TABLE offer_times (
    offer_id BIGINT PRIMARY KEY REFERENCES offer (id) ON DELETE CASCADE,
    pairs    INT NOT NULL,
    times    VARBINARY NOT NULL
);
DELETE FROM offer_time_source;
DELETE FROM commune_time_source;
