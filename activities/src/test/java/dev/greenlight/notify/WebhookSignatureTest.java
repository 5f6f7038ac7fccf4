package dev.greenlight.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  /** The Standard Webhooks reference vector (also checked by hand with openssl dgst -hmac). */
  @Test
  void signsTheStandardWebhooksReferenceVector() {
    WebhookSignature signature =
        WebhookSignature.fromSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "test");
    assertEquals(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
  }

  @Test
  void aSecretOfTheWrongFormIsRefusedNamingWhereNotWhat() {
    SinkMisconfiguredException prefix =
        assertThrows(
            SinkMisconfiguredException.class,
            () -> WebhookSignature.fromSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "$HOOK_SECRET"));
    assertTrue(prefix.getMessage().contains("$HOOK_SECRET must be whsec_<base64>"));
    assertFalse(prefix.getMessage().contains("MfKQ9r8"), prefix.getMessage());

    SinkMisconfiguredException base64 =
        assertThrows(
            SinkMisconfiguredException.class,
            () -> WebhookSignature.fromSecret("whsec_not base64!", "file /s"));
    assertTrue(base64.getMessage().contains("is not valid base64"), base64.getMessage());

    SinkMisconfiguredException tooShort =
        assertThrows(
            SinkMisconfiguredException.class,
            () -> WebhookSignature.fromSecret("whsec_c2hvcnQ=", "file /s"));
    assertTrue(
        tooShort.getMessage().contains("must decode to 24 to 64 bytes but decodes to 5"),
        tooShort.getMessage());
  }

  @Test
  void toStringNeverShowsTheKey() {
    String text =
        WebhookSignature.fromSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "t").toString();
    assertEquals("WebhookSignature[v1, 24-byte key]", text);
  }
}
