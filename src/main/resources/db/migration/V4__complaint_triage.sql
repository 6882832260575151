-- What triage found in each complaint at intake: masked text only (no raw personal information), the
-- suggestions with their confidence, and the model version that made them (principle 3: every AI output is
-- stored with its inputs, model and sources). JSON columns are plain text for H2/PostgreSQL portability.
CREATE TABLE complaint_triage (
    complaint_id      BIGINT        PRIMARY KEY REFERENCES complaint (id),
    masked_text       VARCHAR(20400) NOT NULL,
    title_length      INTEGER       NOT NULL,
    pii               VARCHAR(20000) NOT NULL,
    suggested_type    VARCHAR(16),
    type_confidence   DOUBLE PRECISION,
    departments       VARCHAR(4000) NOT NULL,
    facts             VARCHAR(20000) NOT NULL,
    similar_complaints VARCHAR(4000) NOT NULL,
    summary           VARCHAR(400),
    model_version     VARCHAR(64)   NOT NULL,
    routed_department VARCHAR(64),
    micros            BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX complaint_triage_created ON complaint_triage (created_at);
