/** Test and rehearsal data: {@link dev.greenlight.dataplane.seed.PortfolioSeeder}. */
package dev.greenlight.dataplane.seed;
