package dev.greenlight.dataplane.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.greenlight.dataplane.DataPlaneException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link BackupManifest} files. A manifest is written, readable by its owner only,
 * to a temporary name and moved into place, so a reader never sees half of one.
 */
final class ManifestFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ManifestFiles() {}

  static void write(Path manifestFile, BackupManifest manifest) throws IOException {
    Path partial = manifestFile.resolveSibling(manifestFile.getFileName() + ".partial");
    // Created 0600 first: writing into it keeps that mode, and the move keeps it too.
    OwnerOnlyFiles.emptyFile(partial);
    JSON.writeValue(partial.toFile(), manifest);
    Files.move(partial, manifestFile, StandardCopyOption.ATOMIC_MOVE);
  }

  static BackupManifest read(Path manifestFile) {
    if (!Files.isRegularFile(manifestFile)) {
      throw new BackupMissingException("backup manifest " + manifestFile + " does not exist");
    }
    try {
      BackupManifest manifest = JSON.readValue(manifestFile.toFile(), BackupManifest.class);
      if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
        throw new DataPlaneException(
            "manifest "
                + manifestFile
                + " has format version "
                + manifest.formatVersion()
                + ", this build reads version "
                + BackupManifest.FORMAT_VERSION);
      }
      // An unknown format fails here, naming it, before anything trusts the file.
      manifest.backupFormat();
      return manifest;
    } catch (IOException e) {
      throw new DataPlaneException(
          "backup manifest " + manifestFile + " is not readable JSON: " + e.getMessage(), e);
    }
  }

  /** The dump file a manifest describes: its name resolved against the manifest's directory. */
  static Path backupFileOf(Path manifestFile, BackupManifest manifest) {
    Path name = Path.of(manifest.backupFile());
    if (name.isAbsolute() || name.getNameCount() != 1) {
      throw new DataPlaneException(
          "manifest "
              + manifestFile
              + " names backup file '"
              + manifest.backupFile()
              + "'; it must be a plain file name in the manifest's directory");
    }
    return manifestFile.toAbsolutePath().getParent().resolve(name);
  }
}
