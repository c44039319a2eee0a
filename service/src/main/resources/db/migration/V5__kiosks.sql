-- Kiosks: shared devices bound to one room. The device holds a random token; only its SHA-256
-- (hex) is stored, so a copy of the database cannot sign in as a kiosk.
CREATE TABLE kiosk (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id   VARCHAR(36)  NOT NULL,
    school_id     VARCHAR(36)  NOT NULL,
    room_id       VARCHAR(36)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    created_by_id VARCHAR(36)  NOT NULL,
    revoked_at    DATETIME(3),
    last_used_at  DATETIME(3),
    version       BIGINT       NOT NULL,
    CONSTRAINT fk_kiosk_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT fk_kiosk_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT fk_kiosk_room FOREIGN KEY (room_id) REFERENCES location (id),
    CONSTRAINT fk_kiosk_created_by FOREIGN KEY (created_by_id) REFERENCES person (id),
    CONSTRAINT uq_kiosk_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_kiosk_district ON kiosk (district_id, created_at);
