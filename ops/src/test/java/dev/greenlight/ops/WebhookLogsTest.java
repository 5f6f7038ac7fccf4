package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Under the webhook's shipped logging configuration ({@code logback.xml}, not the tests' own), no
 * log line of any logger carries a token, a secret, a signature or the {@code Authorization} header
 * — whatever requests come in, refused or accepted, and at start-up.
 */
class WebhookLogsTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

  @BeforeEach
  void shippedConfiguration() throws Exception {
    configure(getClass().getResource("/logback.xml"));
    captured.setContext(context);
    captured.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
  }

  @AfterEach
  void testConfiguration() throws Exception {
    configure(getClass().getResource("/logback-test.xml"));
  }

  @Test
  void noCredentialReachesAnyLog() throws Exception {
    byte[] body =
        WebhookClient.payload("logs", "firing", "StageEnforceErrorSpike", "fp-logs")
            .getBytes(StandardCharsets.UTF_8);
    String signature = WebhookAuth.sign(WebhookClient.SECRET_NEW, body);
    try (WebhookRig rig = new WebhookRig()) {
      LoggerFactory.getLogger(WebhookMain.class)
          .info("event=webhook-started port={} config={}", rig.server.port(), rig.config);
      WebhookClient client = rig.client;
      assertEquals(
          200,
          client.postJson(body, "Authorization", "Bearer " + WebhookClient.TOKEN_A).statusCode());
      assertEquals(
          401,
          client
              .postJson(body, "Authorization", "Bearer " + WebhookClient.TOKEN_B + "-almost")
              .statusCode());
      byte[] second =
          new String(body, StandardCharsets.UTF_8)
              .replace("fp-logs", "fp-logs-2")
              .getBytes(StandardCharsets.UTF_8);
      assertEquals(
          200,
          client
              .postJson(
                  second,
                  "X-Alertmanager-Signature",
                  WebhookAuth.sign(WebhookClient.SECRET_NEW, second))
              .statusCode());
      assertEquals(
          401,
          client
              .postJson(body, "X-Alertmanager-Signature", signature.replace('a', 'b'))
              .statusCode());
    }

    List<String> lines = captured.list.stream().map(WebhookLogsTest::render).toList();
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("event=webhook-unauthorized")),
        "the refusals are logged: " + lines);
    for (String forbidden :
        List.of(
            WebhookClient.TOKEN_A,
            WebhookClient.TOKEN_B,
            new String(WebhookClient.SECRET_OLD, StandardCharsets.UTF_8),
            new String(WebhookClient.SECRET_NEW, StandardCharsets.UTF_8),
            signature.substring("sha256=".length()),
            "Authorization",
            "Bearer ")) {
      for (String line : lines) {
        assertFalse(line.contains(forbidden), "'" + forbidden + "' logged in: " + line);
      }
    }
  }

  /** Everything a line can show: message, arguments, MDC, exception. */
  private static String render(ILoggingEvent event) {
    return event.getLoggerName()
        + " "
        + event.getFormattedMessage()
        + " "
        + Map.copyOf(event.getMDCPropertyMap())
        + (event.getThrowableProxy() == null
            ? ""
            : " " + ThrowableProxyUtil.asString(event.getThrowableProxy()));
  }

  private void configure(URL configuration) throws Exception {
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(configuration);
  }
}
