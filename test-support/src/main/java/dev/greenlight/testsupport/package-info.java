/**
 * What the modules' tests share, so each helper is written once: free loopback ports ({@link
 * dev.greenlight.testsupport.Ports}), bounded waiting ({@link dev.greenlight.testsupport.Await}),
 * external server processes ({@link dev.greenlight.testsupport.ServiceProcess}), log capture
 * ({@link dev.greenlight.testsupport.LogCapture}), Prometheus and Alertmanager configs and launch
 * ({@link dev.greenlight.testsupport.AlertingFiles}, {@link
 * dev.greenlight.testsupport.AlertingProcesses}) and the target a test Prometheus scrapes ({@link
 * dev.greenlight.testsupport.ScrapeTarget}), settings maps ({@link
 * dev.greenlight.testsupport.TestEnvironments}), closing what {@code @BeforeAll} started ({@link
 * dev.greenlight.testsupport.Closeables}), the requests a mock HTTP server received ({@link
 * dev.greenlight.testsupport.ReceivedRequests}), database naming ({@link
 * dev.greenlight.testsupport.TestDatabases}, {@link dev.greenlight.testsupport.ScratchDatabase})
 * and the repository's shipped files ({@link dev.greenlight.testsupport.RepoFiles}). Every module
 * depends on it at test scope only; it must depend on no Greenlight module but local-services, or
 * the module graph would have a cycle.
 */
package dev.greenlight.testsupport;
