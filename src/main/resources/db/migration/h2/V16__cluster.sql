-- Several instances behind a load balancer (issue 16, docs/scaling.md).

-- The data version: bumped by the instance that committed a change of offers, communes or population; every instance
-- reads it a few times a second and drops its in-memory caches (coverage data, tiles) when it moved.
CREATE TABLE data_version (
    id         INT PRIMARY KEY CHECK (id = 1),
    version    BIGINT NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    source     VARCHAR(200)
);
INSERT INTO data_version (id, version, changed_at, source) VALUES (1, 0, CURRENT_TIMESTAMP, 'schema');

-- Rate-limit buckets shared by every instance (proxima.rate-limit.store=database, on PostgreSQL only; unused here).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(100) PRIMARY KEY,
    state      VARBINARY,
    expires_at BIGINT
);

-- Login sessions shared by every instance (Spring Session JDBC's own schema).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID CHAR(36) NOT NULL,
    SESSION_ID CHAR(36) NOT NULL,
    CREATION_TIME BIGINT NOT NULL,
    LAST_ACCESS_TIME BIGINT NOT NULL,
    MAX_INACTIVE_INTERVAL INT NOT NULL,
    EXPIRY_TIME BIGINT NOT NULL,
    PRINCIPAL_NAME VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);
CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36) NOT NULL,
    ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES LONGVARBINARY NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);
