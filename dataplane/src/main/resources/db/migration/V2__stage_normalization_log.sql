-- What the migration did, row by row: one row per company it changed (normalized_stage = the new
-- canonical value) and one row per company whose stage it could not map (normalized_stage NULL).
-- Written in the same transaction as the row updates and the checkpoint.
-- run_id names a stage_migration_control row but is deliberately not a foreign key: the check
-- would run once per inserted row, and measured on a million-row migration it cost more than the
-- log inserts themselves. The migration writes both tables in one transaction instead.
CREATE TABLE stage_normalization_log (
    run_id           text        NOT NULL,
    batch            bigint      NOT NULL,
    company_id       bigint      NOT NULL,
    old_stage        text,
    normalized_stage text,
    logged_at        timestamptz NOT NULL DEFAULT now()
);

-- Unmappable rows are logged once per run even when a resume from an earlier id scans them again.
-- There is deliberately no other index: this table takes hundreds of thousands of inserts inside
-- the migration's batches, and every index there is paid for on the hot path. Investigations
-- ("what happened to company 42", "which values were unmappable") are rare and can scan.
CREATE UNIQUE INDEX stage_normalization_log_unmappable_once
    ON stage_normalization_log (run_id, company_id)
    WHERE normalized_stage IS NULL;
