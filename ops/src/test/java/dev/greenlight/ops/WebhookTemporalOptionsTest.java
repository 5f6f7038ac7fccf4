package dev.greenlight.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.temporal.TemporalSettings;
import io.grpc.Metadata;
import io.temporal.serviceclient.GrpcMetadataProvider;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The webhook's Temporal client keeps what the environment configured (address, TLS, API key,
 * headers) and adds its own short timeouts, which Alertmanager's 10 s budget needs.
 */
class WebhookTemporalOptionsTest {
  @Test
  void tlsApiKeyAndHeadersSurviveTheWebhooksTimeouts() {
    TemporalSettings settings =
        TemporalSettings.fromEnvironment(
            Map.of(
                "TEMPORAL_CONFIG_FILE", "",
                "TEMPORAL_ADDRESS", "temporal.example:7233",
                "TEMPORAL_API_KEY", "k",
                "TEMPORAL_GRPC_META_X_SCOPE_ORGID", "team-a"));
    WorkflowServiceStubsOptions options = WebhookService.serviceStubsOptions(settings);
    assertEquals("temporal.example:7233", options.getTarget());
    assertTrue(options.getEnableHttps(), "an API key means TLS");
    assertEquals(WebhookService.TEMPORAL_RPC_TIMEOUT, options.getRpcTimeout());
    Metadata sent = new Metadata();
    for (GrpcMetadataProvider provider : options.getGrpcMetadataProviders()) {
      sent.merge(provider.getMetadata());
    }
    assertEquals(
        "Bearer k", sent.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)));
    assertEquals(
        "team-a", sent.get(Metadata.Key.of("x-scope-orgid", Metadata.ASCII_STRING_MARSHALLER)));
  }
}
