package dev.greenlight.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory key store built from the PEM files operators already have (what cert-manager, Let's
 * Encrypt and {@code openssl} write): a certificate chain and its unencrypted PKCS#8 private key.
 * Nothing is written to disk.
 */
final class PemKeyStore {
  /** The in-memory store's password: it never leaves this process, so it protects nothing. */
  static final String PASSWORD = "greenlight-webhook";

  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private PemKeyStore() {}

  /**
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  static KeyStore load(Path certFile, Path keyFile) {
    List<? extends Certificate> chain = certificates(certFile);
    PrivateKey key = privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm());
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("webhook", key, PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "the key in " + keyFile + " does not fit the certificate in " + certFile + ": " + e, e);
    }
  }

  private static List<? extends Certificate> certificates(Path certFile) {
    try (InputStream in = Files.newInputStream(certFile)) {
      List<? extends Certificate> chain =
          List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
      if (chain.isEmpty()) {
        throw new IllegalArgumentException(
            WebhookConfig.TLS_CERT_ENV + " " + certFile + " holds no PEM certificate");
      }
      return chain;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          WebhookConfig.TLS_CERT_ENV
              + " "
              + certFile
              + " is not a readable PEM certificate chain: "
              + e.getMessage(),
          e);
    }
  }

  private static PrivateKey privateKey(Path keyFile, String algorithm) {
    String pem;
    try {
      pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          WebhookConfig.TLS_KEY_ENV + " " + keyFile + " is not readable: " + e.getMessage(), e);
    }
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      String found =
          pem.contains("ENCRYPTED PRIVATE KEY")
              ? "an encrypted key"
              : pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")
                  ? "a PKCS#1/SEC1 key"
                  : "no private key";
      throw new IllegalArgumentException(
          WebhookConfig.TLS_KEY_ENV
              + " "
              + keyFile
              + " holds "
              + found
              + "; the webhook reads an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY), readable"
              + " only by its account: convert with `openssl pkcs8 -topk8 -nocrypt -in KEY -out"
              + " KEY.pk8`");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          WebhookConfig.TLS_KEY_ENV
              + " "
              + keyFile
              + " is not a "
              + algorithm
              + " key matching the certificate's: "
              + e.getMessage(),
          e);
    }
  }
}
