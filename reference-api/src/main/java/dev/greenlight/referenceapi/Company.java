package dev.greenlight.referenceapi;

/**
 * One row of {@code portfolio_companies} as the API returns it.
 *
 * @param stage as stored: canonical, or the value as sent when the mode let it through untouched
 */
public record Company(long id, String name, String stage) {}
