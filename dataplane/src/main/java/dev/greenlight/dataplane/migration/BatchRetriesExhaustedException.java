package dev.greenlight.dataplane.migration;

import dev.greenlight.dataplane.DataPlaneException;

/**
 * A batch kept failing with lock timeouts or serialization failures after every allowed attempt;
 * nothing of it was committed and the checkpoint is where it was.
 */
public final class BatchRetriesExhaustedException extends DataPlaneException {
  public BatchRetriesExhaustedException(String message) {
    super(message);
  }

  public BatchRetriesExhaustedException(String message, Throwable cause) {
    super(message, cause);
  }
}
