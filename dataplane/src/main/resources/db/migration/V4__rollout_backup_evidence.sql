-- Evidence that a run may rewrite data (DESIGN.md invariant 5): the backup it took, when its
-- checksum verified, and when a restore of it passed the smoke test. The migration's guard reads
-- this table; a row without verified_at and restore_test_passed_at proves nothing.
CREATE TABLE rollout_backup_evidence (
    id                     bigserial   PRIMARY KEY,
    run_id                 text        NOT NULL CHECK (run_id <> ''),
    backup_file            text        NOT NULL,
    manifest_file          text        NOT NULL,
    sha256                 text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes             bigint      NOT NULL CHECK (size_bytes >= 0),
    database_name          text        NOT NULL,
    tables                 text[]      NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    verified_at            timestamptz,
    restore_test_passed_at timestamptz,
    restore_duration_ms    bigint,
    CONSTRAINT rollout_backup_evidence_one_row_per_file UNIQUE (run_id, backup_file)
);
