-- Corridor's own tables. Written once for H2 and MariaDB alike: plain types, no vendor extensions.
-- Ids are UUID strings chosen by the application; timestamps keep milliseconds (UTC) for the audit timeline.

CREATE TABLE district (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    version     BIGINT       NOT NULL
);

CREATE TABLE school (
    id                      VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id             VARCHAR(36)  NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    time_zone               VARCHAR(64)  NOT NULL,
    long_running_minutes    INT          NOT NULL,
    auto_end_minutes        INT          NOT NULL,
    request_expiry_minutes  INT          NOT NULL,
    version                 BIGINT       NOT NULL,
    CONSTRAINT fk_school_district FOREIGN KEY (district_id) REFERENCES district (id)
);

CREATE TABLE school_period (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    school_id   VARCHAR(36)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    starts_at   TIME         NOT NULL,
    ends_at     TIME         NOT NULL,
    school_days VARCHAR(27)  NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT fk_period_school FOREIGN KEY (school_id) REFERENCES school (id)
);

CREATE TABLE person (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id    VARCHAR(36)  NOT NULL,
    school_id      VARCHAR(36),
    email          VARCHAR(254) NOT NULL,
    given_name     VARCHAR(100) NOT NULL,
    family_name    VARCHAR(100) NOT NULL,
    display_name   VARCHAR(200),
    student_number VARCHAR(64),
    version        BIGINT       NOT NULL,
    CONSTRAINT fk_person_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT fk_person_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT uq_person_email UNIQUE (district_id, email),
    CONSTRAINT uq_person_student_number UNIQUE (district_id, student_number)
);
CREATE INDEX ix_person_email ON person (email);

CREATE TABLE person_role (
    person_id VARCHAR(36) NOT NULL,
    role      VARCHAR(16) NOT NULL,
    PRIMARY KEY (person_id, role),
    CONSTRAINT fk_role_person FOREIGN KEY (person_id) REFERENCES person (id)
);

CREATE TABLE location (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    school_id         VARCHAR(36)  NOT NULL,
    name              VARCHAR(100) NOT NULL,
    is_destination    BOOLEAN      NOT NULL,
    capacity          INT          NOT NULL,
    is_open           BOOLEAN      NOT NULL,
    auto_pass_allowed BOOLEAN      NOT NULL,
    teacher_id        VARCHAR(36),
    version           BIGINT       NOT NULL,
    CONSTRAINT fk_location_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT fk_location_teacher FOREIGN KEY (teacher_id) REFERENCES person (id),
    CONSTRAINT uq_location_name UNIQUE (school_id, name)
);

CREATE TABLE section (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    school_id       VARCHAR(36)  NOT NULL,
    period_id       VARCHAR(36)  NOT NULL,
    room_id         VARCHAR(36)  NOT NULL,
    main_teacher_id VARCHAR(36)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT fk_section_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT fk_section_period FOREIGN KEY (period_id) REFERENCES school_period (id),
    CONSTRAINT fk_section_room FOREIGN KEY (room_id) REFERENCES location (id),
    CONSTRAINT fk_section_teacher FOREIGN KEY (main_teacher_id) REFERENCES person (id)
);

CREATE TABLE section_co_teacher (
    section_id VARCHAR(36) NOT NULL,
    person_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (section_id, person_id),
    CONSTRAINT fk_coteacher_section FOREIGN KEY (section_id) REFERENCES section (id),
    CONSTRAINT fk_coteacher_person FOREIGN KEY (person_id) REFERENCES person (id)
);

CREATE TABLE section_student (
    section_id VARCHAR(36) NOT NULL,
    person_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (section_id, person_id),
    CONSTRAINT fk_enrolment_section FOREIGN KEY (section_id) REFERENCES section (id),
    CONSTRAINT fk_enrolment_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_section_student_person ON section_student (person_id);

-- A pair is stored once; lookups search both columns.
CREATE TABLE no_contact_pair (
    id          VARCHAR(36) NOT NULL PRIMARY KEY,
    district_id VARCHAR(36) NOT NULL,
    student_id  VARCHAR(36) NOT NULL,
    partner_id  VARCHAR(36) NOT NULL,
    version     BIGINT      NOT NULL,
    CONSTRAINT fk_nocontact_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT fk_nocontact_student FOREIGN KEY (student_id) REFERENCES person (id),
    CONSTRAINT fk_nocontact_partner FOREIGN KEY (partner_id) REFERENCES person (id),
    CONSTRAINT uq_nocontact UNIQUE (student_id, partner_id)
);
CREATE INDEX ix_nocontact_partner ON no_contact_pair (partner_id);

CREATE TABLE rule_set (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id  VARCHAR(36)  NOT NULL,
    rule_version INT          NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    drl          MEDIUMTEXT   NOT NULL,
    author_id    VARCHAR(36),
    note         VARCHAR(500),
    created_at   DATETIME(3)  NOT NULL,
    activated_at DATETIME(3),
    version      BIGINT       NOT NULL,
    CONSTRAINT fk_ruleset_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT uq_ruleset_version UNIQUE (district_id, rule_version)
);

CREATE TABLE hall_pass (
    id                     VARCHAR(36)  NOT NULL PRIMARY KEY,
    district_id            VARCHAR(36)  NOT NULL,
    school_id              VARCHAR(36)  NOT NULL,
    student_id             VARCHAR(36)  NOT NULL,
    -- equals student_id while the pass is open, NULL after: the unique index allows one open pass per student
    open_student_id        VARCHAR(36),
    pass_type              VARCHAR(16)  NOT NULL,
    channel                VARCHAR(16)  NOT NULL,
    state                  VARCHAR(20)  NOT NULL,
    departing_section_id   VARCHAR(36)  NOT NULL,
    departing_room_id      VARCHAR(36)  NOT NULL,
    destination_id         VARCHAR(36)  NOT NULL,
    routed_to_id           VARCHAR(36)  NOT NULL,
    created_by_id          VARCHAR(36)  NOT NULL,
    idempotency_key        VARCHAR(100),
    note                   VARCHAR(500),
    deny_reason            VARCHAR(500),
    requested_at           DATETIME(3)  NOT NULL,
    delivered_at           DATETIME(3),
    seen_at                DATETIME(3),
    approved_at            DATETIME(3),
    started_at             DATETIME(3),
    ended_at               DATETIME(3),
    version                BIGINT       NOT NULL,
    CONSTRAINT fk_pass_district FOREIGN KEY (district_id) REFERENCES district (id),
    CONSTRAINT fk_pass_school FOREIGN KEY (school_id) REFERENCES school (id),
    CONSTRAINT fk_pass_student FOREIGN KEY (student_id) REFERENCES person (id),
    CONSTRAINT fk_pass_section FOREIGN KEY (departing_section_id) REFERENCES section (id),
    CONSTRAINT fk_pass_room FOREIGN KEY (departing_room_id) REFERENCES location (id),
    CONSTRAINT fk_pass_destination FOREIGN KEY (destination_id) REFERENCES location (id),
    CONSTRAINT fk_pass_routed_to FOREIGN KEY (routed_to_id) REFERENCES person (id),
    CONSTRAINT uq_pass_open_student UNIQUE (open_student_id),
    CONSTRAINT uq_pass_idempotency UNIQUE (student_id, idempotency_key)
);
CREATE INDEX ix_pass_routed_state ON hall_pass (routed_to_id, state);
CREATE INDEX ix_pass_destination_state ON hall_pass (destination_id, state);
CREATE INDEX ix_pass_student_started ON hall_pass (student_id, started_at);
CREATE INDEX ix_pass_school_state ON hall_pass (school_id, state);

CREATE TABLE pass_flag (
    pass_id          VARCHAR(36)  NOT NULL,
    ordinal          INT          NOT NULL,
    code             VARCHAR(64)  NOT NULL,
    severity         VARCHAR(8)   NOT NULL,
    message          VARCHAR(500) NOT NULL,
    student_message  VARCHAR(500) NOT NULL,
    rule_name        VARCHAR(200) NOT NULL,
    rule_set_version VARCHAR(40)  NOT NULL,
    PRIMARY KEY (pass_id, ordinal),
    CONSTRAINT fk_flag_pass FOREIGN KEY (pass_id) REFERENCES hall_pass (id)
);

-- The audit timeline: every state change and decision, who made it and on whose behalf.
CREATE TABLE pass_event (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    pass_id         VARCHAR(36)   NOT NULL,
    district_id     VARCHAR(36)   NOT NULL,
    occurred_at     DATETIME(3)   NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    actor_id        VARCHAR(36),
    on_behalf_of_id VARCHAR(36),
    from_state      VARCHAR(20),
    to_state        VARCHAR(20)   NOT NULL,
    detail          VARCHAR(2000),
    CONSTRAINT fk_event_pass FOREIGN KEY (pass_id) REFERENCES hall_pass (id)
);
CREATE INDEX ix_event_pass ON pass_event (pass_id, occurred_at);
