package dev.greenlight.dataplane.schema;

/**
 * What {@link Schema#migrate} did: the schema version the database is now at and how many
 * migrations this call applied (0 when it was already current).
 */
public record SchemaResult(String version, int migrationsExecuted) {}
