package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.localservices.TestServices;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenlight rehearse --notify-url}: a team previews in its channel what a rollout will tell
 * it. A real HTTP receiver on loopback (the JDK's server) stands in for the channel's webhook.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RehearseNotifyPreviewTest {
  private record Received(String path, String id, JsonNode body) {}

  @TempDir Path dir;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("webhook-id"),
                  json.readTree(new String(body, StandardCharsets.UTF_8))));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
  }

  @Test
  void aPreviewPostsWhatThePlansSinksWouldBeSentAndNeverPostsToThem() throws Exception {
    String text = Files.readString(GreenlightCommandTest.planPath());
    Path plan =
        Files.writeString(
            dir.resolve("plan.yaml"),
            text.replace("redisMaxP99: 10ms", "redisMaxP99: 500ms")
                + "\nnotify:\n  sinks:\n    - name: the-plans-own\n      kind: json\n      url: "
                + url("/the-plans-own")
                + "\n      events: [promoted, rolled-back, completed]\n");

    Cli cli =
        Cli.run(
            "rehearse",
            "--plan",
            plan.toString(),
            "--scenario",
            GreenlightCommandTest.planPath().resolveSibling("scenarios/happy.yaml").toString(),
            "--rows",
            "2000",
            "--notify-url",
            url("/preview"),
            "--db",
            TestServices.postgres().jdbcUrl(),
            "--redis",
            TestServices.redis().url());

    assertEquals(0, cli.exit(), cli.toString());
    assertTrue(
        received.stream().noneMatch(r -> r.path().equals("/the-plans-own")),
        "a rehearsal posted to the plan's own sink: " + received);
    Map<String, Long> events =
        received.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.id().substring(r.id().lastIndexOf('.') + 1), Collectors.counting()));
    // OFF, WARN, NORMALIZE, CANARY, step 10 %, soak, WARN exit; then the end. Only what the plan's
    // sinks are sent: no approval-pending although the happy scenario waits for one.
    assertEquals(Map.of("promoted", 7L, "completed", 1L), events, received.toString());
    for (Received r : received) {
      assertEquals("/preview", r.path());
      assertTrue(
          r.body().get("text").asText().startsWith("[rehearsal] *stage-normalization-v3.4*: "),
          r.body().toString());
    }
    assertTrue(
        cli.out()
            .contains("notifications  8 sent to the --notify-url webhook: 8 delivered, 0 failed"),
        cli.out());
    assertTrue(
        !cli.out().contains(url("/preview")), "the webhook URL is a credential: " + cli.out());
  }

  @Test
  void aNotifyUrlThatIsNoWebhookIsBadInput() {
    Cli cli =
        Cli.run(
            "rehearse",
            "--plan",
            GreenlightCommandTest.planPath().toString(),
            "--notify-url",
            "ftp://hooks.example/x");
    assertEquals(2, cli.exit(), cli.toString());
    assertTrue(
        cli.err()
            .contains("--notify-url must be an http or https URL but was ftp://hooks.example/x"),
        cli.toString());
  }
}
