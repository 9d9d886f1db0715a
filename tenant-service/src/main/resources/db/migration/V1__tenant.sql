CREATE TABLE tenant (
    id             VARCHAR(63)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    tier           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    status_reason  TEXT,
    status_set_by  VARCHAR(200),
    max_per_second INTEGER      NOT NULL CHECK (max_per_second >= 0),
    max_per_day    INTEGER      NOT NULL CHECK (max_per_day >= 0),
    version        BIGINT       NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
