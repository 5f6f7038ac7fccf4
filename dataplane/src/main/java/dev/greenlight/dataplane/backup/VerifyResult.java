package dev.greenlight.dataplane.backup;

/** A backup whose SHA-256 and size matched its manifest, and how long checking took. */
public record VerifyResult(
    String runId, String backupFile, String sha256, long sizeBytes, long durationMillis) {}
