package dev.greenlight.dataplane.migration;

/** The instants inside a batch where tests inject a crash (see {@link FaultHook}). */
enum FaultPoint {
  /** The batch's range and values read; nothing written yet. */
  AFTER_READ,
  /** Rows rewritten; nothing logged yet. */
  AFTER_REWRITE,
  /** Rows rewritten and logged; checkpoint not yet advanced. */
  AFTER_LOG,
  /** Everything written; not yet committed. */
  AFTER_CHECKPOINT,
  /** Committed; the next batch has not begun. */
  AFTER_COMMIT
}
