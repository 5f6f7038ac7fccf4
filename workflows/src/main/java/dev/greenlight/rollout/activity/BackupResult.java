package dev.greenlight.rollout.activity;

/** A backup and its manifest. */
public record BackupResult(String manifestPath, String sha256, long sizeBytes, long companyRows) {}
