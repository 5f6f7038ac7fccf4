package dev.greenlight.dataplane.backup;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories (0700) and files (0600) only their owner can read: a backup is a full copy of the
 * data, so no other account on the host may read it or list its directory. Permissions are set at
 * creation, never widened and narrowed later, so there is no moment a file is readable by others.
 * On a file system without POSIX permissions nothing is changed.
 */
final class OwnerOnlyFiles {
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnlyFiles() {}

  /**
   * Creates {@code dir} and any missing parents as 0700; an existing {@code dir} itself is narrowed
   * to 0700 (its parents, which may be shared, are left alone).
   */
  static void directory(Path dir) throws IOException {
    if (!POSIX) {
      Files.createDirectories(dir);
      return;
    }
    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) {
      Files.setPosixFilePermissions(dir, DIRECTORY);
    }
  }

  /** Creates an empty {@code file} as 0600, replacing any file of that name. */
  static Path emptyFile(Path file) throws IOException {
    Files.deleteIfExists(file);
    if (!POSIX) {
      return Files.createFile(file);
    }
    FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FILE);
    return Files.createFile(file, mode);
  }
}
