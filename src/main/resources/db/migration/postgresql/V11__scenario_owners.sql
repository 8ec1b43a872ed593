-- Scenarios owned by planners (issue 11). Keep in step with the h2 folder.
-- A scenario is PRIVATE (its author), SHARED (its author and the planners of scenario_share) or PLANNERS (every
-- planner). Scenarios stored before accounts existed have no author: every planner reads them, only admins write them.
ALTER TABLE scenario ADD COLUMN owner_id BIGINT REFERENCES app_user (id);
ALTER TABLE scenario ADD COLUMN visibility VARCHAR(16) DEFAULT 'PRIVATE' NOT NULL;
UPDATE scenario SET visibility = 'PLANNERS';
CREATE INDEX scenario_owner_idx ON scenario (owner_id);

CREATE TABLE scenario_share (
    scenario_id BIGINT NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (scenario_id, user_id)
);
CREATE INDEX scenario_share_user_idx ON scenario_share (user_id);
