package dev.greenlight.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerAuditTest {
  @Test
  void sortsClientsByNetworkAndUserAgent(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("access.log");
    Files.write(
        log,
        List.of(
            line("10.0.0.5", "web/1.0"),
            line("10.0.0.5", "web/1.0"),
            line("203.0.113.9", "greenlight/0.1"),
            line("198.51.100.7", "partner-sync/2.1"),
            line("198.51.100.7", "partner-sync/2.1"),
            line("192.0.2.1", "curl/8.0"),
            "garbage that is not a log line"));
    ConsumerAudit.Report report =
        new ConsumerAudit(List.of("10.0.0.0/8"), List.of("greenlight/")).audit(log);

    assertEquals(7, report.linesRead());
    assertEquals(1, report.unparsed());
    assertEquals(2, report.internalConsumers());
    assertEquals(
        Map.of("198.51.100.7 partner-sync/2.1", 2L, "192.0.2.1 curl/8.0", 1L), report.external());
    assertEquals("198.51.100.7 partner-sync/2.1", report.external().keySet().iterator().next());
  }

  private static String line(String ip, String agent) {
    return ip
        + " - - [25/Nov/2026:10:00:00 +0000] \"PATCH /companies/7 HTTP/1.1\" 200 41 \"-\" \""
        + agent
        + "\"";
  }
}
