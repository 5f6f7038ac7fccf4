package dev.greenlight.dataplane.migration;

/** The instants inside a batch where tests inject a crash (see {@link FaultHook}). */
enum FaultPoint {
  /** Rows read and classified; nothing written yet. */
  AFTER_READ,
  /** Rows updated; log rows not yet written. */
  AFTER_UPDATE,
  /** Rows updated and logged; checkpoint not yet advanced. */
  AFTER_LOG,
  /** Everything written; not yet committed. */
  AFTER_CHECKPOINT,
  /** Committed; the next batch has not begun. */
  AFTER_COMMIT
}
