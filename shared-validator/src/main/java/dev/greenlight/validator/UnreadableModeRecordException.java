package dev.greenlight.validator;

/**
 * The stored mode record of a surface exists but is not a record: a field is missing or breaks its
 * rule (see {@code ModeRecordCodec}), or the key holds another Redis type. A reader treats it like
 * no record (the configured default, never enforce); only {@link ModeStore#downgradeToWarn} writes
 * over it.
 */
public final class UnreadableModeRecordException extends ModeStoreException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String problem;

  public UnreadableModeRecordException(String key, String problem) {
    super("mode record at " + key + " is unreadable: " + problem);
    this.key = key;
    this.problem = problem;
  }

  /** The Redis key of the record. */
  public String key() {
    return key;
  }

  /** What is wrong with it, naming the field and the value. */
  public String problem() {
    return problem;
  }
}
