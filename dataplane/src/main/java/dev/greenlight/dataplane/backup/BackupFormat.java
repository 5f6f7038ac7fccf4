package dev.greenlight.dataplane.backup;

import dev.greenlight.dataplane.DataPlaneException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a backup file is, as its manifest's {@code format} field names it. The restore test picks
 * its way of restoring from this, never from the file's name.
 */
public enum BackupFormat {
  /** {@code pg_dump -Fc}: PostgreSQL's custom archive, restored with {@code pg_restore}. */
  PG_DUMP("pg_dump", ".dump"),
  /**
   * Greenlight's own archive: table definitions and {@code COPY … TO STDOUT} data taken over JDBC,
   * gzip'd; needs no PostgreSQL client tools (see {@link CopyArchive}).
   */
  COPY("copy", ".copy.gz");

  private final String wireName;
  private final String fileSuffix;

  BackupFormat(String wireName, String fileSuffix) {
    this.wireName = wireName;
    this.fileSuffix = fileSuffix;
  }

  /** The name in manifests, configuration and CLI options. */
  public String wireName() {
    return wireName;
  }

  String fileSuffix() {
    return fileSuffix;
  }

  /**
   * The format a manifest names; a manifest written before formats existed has none and is a {@code
   * pg_dump} archive.
   *
   * @throws DataPlaneException naming the value and the formats this build reads
   */
  static BackupFormat fromManifest(String name) {
    if (name == null) {
      return PG_DUMP;
    }
    return Arrays.stream(values())
        .filter(f -> f.wireName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new DataPlaneException(
                    "backup format '"
                        + name
                        + "' is not one this build reads; it reads "
                        + Arrays.stream(values())
                            .map(BackupFormat::wireName)
                            .collect(Collectors.joining(", "))));
  }
}
