package dev.greenlight.dataplane.migration;

import org.jdbi.v3.core.Handle;

/**
 * A test's way into a batch: called at each {@link FaultPoint} with the batch number and the handle
 * the batch runs on, so a test can throw or terminate that connection exactly there. Production
 * code uses {@link #NONE}.
 */
@FunctionalInterface
interface FaultHook {
  FaultHook NONE = (point, batch, handle) -> {};

  void at(FaultPoint point, long batch, Handle handle);
}
