/**
 * The data plane's own tables, created and evolved by Flyway: {@link
 * dev.greenlight.dataplane.schema.Schema}.
 */
package dev.greenlight.dataplane.schema;
