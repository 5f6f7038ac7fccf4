package dev.greenlight.dataplane.migration;

/**
 * What one committed batch did.
 *
 * @param lastId the highest id scanned: the new checkpoint
 * @param unmappableLogged unmappable rows logged for the first time in this run
 * @param nanos wall time of the batch's transaction
 */
record BatchOutcome(
    long lastId, int scanned, int updated, int unmappableLogged, int nulls, long nanos) {}
