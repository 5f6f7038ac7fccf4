-- Every change of a surface's validation mode (DESIGN.md invariant 6), written by the mode-flip
-- activity and by the ops webhook. (surface, version) is unique because the mode store increments
-- the version by compare-and-set: a retried writer can insert with ON CONFLICT DO NOTHING.
CREATE TABLE mode_change_audit (
    id          bigserial   PRIMARY KEY,
    surface     text        NOT NULL CHECK (surface <> ''),
    old_mode    text        CHECK (old_mode IN ('off', 'warn', 'enforce')),
    new_mode    text        NOT NULL CHECK (new_mode IN ('off', 'warn', 'enforce')),
    old_percent smallint    CHECK (old_percent BETWEEN 0 AND 100),
    new_percent smallint    NOT NULL CHECK (new_percent BETWEEN 0 AND 100),
    version     bigint      NOT NULL CHECK (version > 0),
    changed_by  text        NOT NULL CHECK (changed_by <> ''),
    reason      text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mode_change_audit_one_row_per_version UNIQUE (surface, version)
);

CREATE INDEX mode_change_audit_changed_at ON mode_change_audit (changed_at DESC);
