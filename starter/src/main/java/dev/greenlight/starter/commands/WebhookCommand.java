package dev.greenlight.starter.commands;

import dev.greenlight.ops.WebhookConfig;
import dev.greenlight.ops.WebhookService;
import dev.greenlight.rollout.RolloutConstants;
import dev.greenlight.temporal.TemporalSettings;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code greenlight webhook}: the endpoint Alertmanager calls. Credentials come only from the
 * environment ({@code GREENLIGHT_WEBHOOK_TOKENS}, {@code ALERTMANAGER_WEBHOOK_SECRET}), never from
 * the command line, where {@code ps} would show them.
 */
@Command(
    name = "webhook",
    header = "Serve Alertmanager's webhook: write warn to Redis, then signal the rollout.")
public final class WebhookCommand extends ConnectedCommand {
  @Option(
      names = "--port",
      defaultValue = "${env:GREENLIGHT_WEBHOOK_PORT:-8088}",
      description = "Port to listen on, 0 for any free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--rollout",
      paramLabel = "WORKFLOW_ID",
      defaultValue =
          "${env:"
              + RolloutConstants.WORKFLOW_ID_ENV
              + ":-"
              + RolloutConstants.DEFAULT_WORKFLOW_ID
              + "}",
      description =
          "Rollout signalled when an alert has no rollout label (default ${DEFAULT-VALUE}).")
  String rollout;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (connection.redisUrl == null || connection.redisUrl.isBlank()) {
      throw new CommandLine.ParameterException(
          cli(),
          "the webhook writes the mode to Redis: set REDIS_URL or pass --redis (it was not set)");
    }
    WebhookConfig config =
        BadInput.parse(
            cli(),
            () ->
                WebhookConfig.fromEnv(System.getenv())
                    .withPort(port)
                    .withDefaultWorkflowId(rollout));
    TemporalSettings temporal = connection.temporal();
    // Unusable webhook TLS files are bad input too, named in the message.
    WebhookService service =
        BadInput.parse(cli(), () -> WebhookService.start(config, connection.redisUrl, temporal));
    PrintWriter out = cli().getOut();
    out.printf(
        "webhook on %s://%s:%d/ops/alertmanager: downgrades surface %s (Redis prefix %s) and"
            + " signals %s on %s; %d bearer token(s), %d HMAC secret(s)%n",
        config.scheme(),
        config.host(),
        service.port(),
        config.surface(),
        config.keyPrefix(),
        config.defaultWorkflowId(),
        temporal,
        config.bearerTokens().size(),
        config.hmacSecrets().size());
    out.flush();
    service.runUntilShutdown();
    return 0;
  }
}
