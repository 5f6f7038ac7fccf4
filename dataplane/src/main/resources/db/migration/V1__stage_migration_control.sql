-- One row per stage-normalization run; run_id is the rollout run that owns it.
-- last_id is the checkpoint: it advances in the same transaction as the batch's row updates and
-- log rows (DESIGN.md invariant 4), so a resumed run starts exactly where the last commit ended.
CREATE TABLE stage_migration_control (
    run_id          text        PRIMARY KEY CHECK (run_id <> ''),
    status          text        NOT NULL
                                CHECK (status IN ('running', 'stopped', 'failed', 'completed')),
    last_id         bigint      NOT NULL DEFAULT 0,
    resumed_from    bigint,
    batches         bigint      NOT NULL DEFAULT 0,
    rows_scanned    bigint      NOT NULL DEFAULT 0,
    rows_updated    bigint      NOT NULL DEFAULT 0,
    rows_unmappable bigint      NOT NULL DEFAULT 0,
    rows_null       bigint      NOT NULL DEFAULT 0,
    last_error      text,
    started_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);

CREATE INDEX stage_migration_control_updated_at ON stage_migration_control (updated_at DESC);
