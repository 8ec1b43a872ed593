-- Issue 15: the foreign key of offer_commune_time checked every copied row with one after-trigger per row (half of
-- the precompute's write time: 27 s against 12 s for the 924,000 rows of Lozère + neighbours, one COPY, load 13; 12 of
-- the 27 minutes of the synthetic France). The rows of a deleted offer still go with it, by one statement-level
-- trigger per DELETE on offer. Rows are written only by the precompute, from the offers it has just read; rows of an
-- offer deleted meanwhile are removed by the next refresh (offer_time_source lists it). The h2 folder keeps its foreign
-- key (a lookup in the same process, no per-row trigger).
ALTER TABLE offer_commune_time DROP CONSTRAINT offer_commune_time_offer_id_fkey;

CREATE FUNCTION offer_commune_time_of_deleted_offers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM offer_commune_time t USING deleted_offers d WHERE t.offer_id = d.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER offer_deleted_removes_travel_times AFTER DELETE ON offer REFERENCING OLD TABLE AS deleted_offers
    FOR EACH STATEMENT EXECUTE FUNCTION offer_commune_time_of_deleted_offers();
