package dev.greenlight.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the Standard Webhooks way (standardwebhooks.com): the {@code webhook-signature}
 * header is {@code v1,} and the base64 HMAC-SHA256 of {@code
 * <webhook-id>.<webhook-timestamp>.<body>} under the key a {@code whsec_<base64>} secret encodes.
 * Receivers verify it with any Standard Webhooks (or Svix) library. Immutable; {@link #toString()}
 * never shows the key.
 */
public final class WebhookSignature {
  static final String PREFIX = "whsec_";
  private static final int MIN_KEY_BYTES = 24;
  private static final int MAX_KEY_BYTES = 64;

  private final byte[] key;

  private WebhookSignature(byte[] key) {
    this.key = key;
  }

  /**
   * @param secret {@code whsec_} and the base64 of 24 to 64 random bytes
   * @param where where the secret came from, for messages (never the secret itself)
   * @throws SinkMisconfiguredException when the secret does not have that form
   */
  public static WebhookSignature fromSecret(String secret, String where) {
    if (!secret.startsWith(PREFIX)) {
      throw new SinkMisconfiguredException(
          "the signing secret in " + where + " must be whsec_<base64> but lacks the whsec_ prefix");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new SinkMisconfiguredException(
          "the signing secret in " + where + " must be whsec_<base64> but is not valid base64");
    }
    if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
      throw new SinkMisconfiguredException(
          "the signing secret in "
              + where
              + " must decode to "
              + MIN_KEY_BYTES
              + " to "
              + MAX_KEY_BYTES
              + " bytes but decodes to "
              + key.length);
    }
    return new WebhookSignature(key);
  }

  /** The {@code webhook-signature} header's value for this message. */
  public String sign(String id, long timestampSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every JDK ships HmacSHA256 and takes any non-empty key.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[v1, " + key.length + "-byte key]";
  }
}
