package dev.greenlight.ops;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's authentication: a request is authentic when its {@code Authorization: Bearer} token
 * is one of the active tokens, or its {@code X-Alertmanager-Signature: sha256=<hex>} is the
 * HMAC-SHA256 of the raw body under one of the active secrets. Several of each may be active at
 * once, so credentials rotate without downtime.
 *
 * <p>A token is checked from the headers alone, so a request with a wrong or missing token is
 * refused without its body being read; only a request carrying a signature header, when secrets are
 * configured, has its body read (bounded in size and time) to check the HMAC.
 *
 * <p>Every comparison is constant-time ({@link MessageDigest#isEqual} over equal-length digests)
 * and every active credential is compared, so timing tells neither how much of a token matched nor
 * which one. Thread-safe.
 */
final class WebhookAuth {
  private static final String BEARER = "bearer ";
  private static final String SHA256 = "sha256=";

  /** SHA-256 of each token: equal lengths, so isEqual's time does not depend on the token. */
  private final List<byte[]> tokenDigests = new ArrayList<>();

  private final List<SecretKeySpec> secrets = new ArrayList<>();

  WebhookAuth(Set<String> bearerTokens, List<byte[]> hmacSecrets) {
    for (String token : bearerTokens) {
      tokenDigests.add(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }
    for (byte[] secret : hmacSecrets) {
      secrets.add(new SecretKeySpec(secret, "HmacSHA256"));
    }
  }

  /**
   * Whether the {@code Authorization} header (null when absent) carries an active token: decided
   * from the headers alone, before a byte of the body is read.
   */
  boolean tokenAuthentic(String authorization) {
    return authorization != null && tokenMatches(authorization);
  }

  /**
   * Whether a request without a valid token may still prove itself by signature, which needs its
   * body: only when it carries a signature header and a secret is configured. Every other such
   * request is refused unread.
   */
  boolean mayProveBySignature(String signature) {
    return signature != null && !secrets.isEmpty();
  }

  /** Whether {@code signature} (null when absent) is the HMAC of {@code body} under a secret. */
  boolean signatureAuthentic(String signature, byte[] body) {
    return signature != null && signatureMatches(signature, body);
  }

  private boolean tokenMatches(String authorization) {
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] presented =
        sha256(authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
    boolean match = false;
    for (byte[] digest : tokenDigests) {
      match |= MessageDigest.isEqual(digest, presented);
    }
    return match;
  }

  private boolean signatureMatches(String header, byte[] body) {
    String value = header.trim().toLowerCase(Locale.ROOT);
    if (!value.startsWith(SHA256)) {
      return false;
    }
    byte[] presented;
    try {
      presented = HexFormat.of().parseHex(value.substring(SHA256.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    boolean match = false;
    for (SecretKeySpec secret : secrets) {
      match |= MessageDigest.isEqual(hmac(secret, body), presented);
    }
    return match;
  }

  /** The hex HMAC-SHA256 of {@code body} under {@code secret}, as a signing sender computes it. */
  static String sign(byte[] secret, byte[] body) {
    return SHA256 + HexFormat.of().formatHex(hmac(new SecretKeySpec(secret, "HmacSHA256"), body));
  }

  private static byte[] hmac(SecretKeySpec secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(secret);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
