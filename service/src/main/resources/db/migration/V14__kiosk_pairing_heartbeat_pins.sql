-- The kiosk page: a short one-time pairing code (only its SHA-256 is kept, like the token's), the
-- device's last heartbeat, the school's setting that asks students for a PIN at kiosks, and the
-- students' kiosk PINs (kept as Spring Security PasswordEncoder hashes, never the PIN).
ALTER TABLE kiosk ADD COLUMN pairing_code_hash VARCHAR(64);
ALTER TABLE kiosk ADD COLUMN pairing_expires_at DATETIME(3);
ALTER TABLE kiosk ADD COLUMN last_heartbeat_at DATETIME(3);
CREATE INDEX ix_kiosk_pairing_code ON kiosk (pairing_code_hash);

ALTER TABLE school ADD COLUMN kiosk_requires_pin BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE student_pin (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id VARCHAR(36)  NOT NULL,
    student_id  VARCHAR(36)  NOT NULL,
    pin_hash    VARCHAR(100) NOT NULL,
    set_at      DATETIME(3)  NOT NULL,
    set_by_id   VARCHAR(36)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT fk_student_pin_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT fk_student_pin_student FOREIGN KEY (student_id) REFERENCES person (id),
    CONSTRAINT fk_student_pin_set_by FOREIGN KEY (set_by_id) REFERENCES person (id),
    CONSTRAINT uq_student_pin_student UNIQUE (student_id)
);
