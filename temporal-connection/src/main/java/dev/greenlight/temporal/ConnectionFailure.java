package dev.greenlight.temporal;

import static dev.greenlight.temporal.TemporalSettings.ADDRESS;
import static dev.greenlight.temporal.TemporalSettings.TLS;
import static dev.greenlight.temporal.TemporalSettings.TLS_CLIENT_CERT_PATH;
import static dev.greenlight.temporal.TemporalSettings.TLS_CLIENT_KEY_PATH;
import static dev.greenlight.temporal.TemporalSettings.TLS_SERVER_CA_CERT_PATH;
import static dev.greenlight.temporal.TemporalSettings.TLS_SERVER_NAME;

import io.grpc.StatusRuntimeException;
import java.util.Locale;

/**
 * Turns a failed connection into one sentence: whether nothing answered or the TLS handshake
 * failed, and if so on which side and what to set. gRPC reports both as UNAVAILABLE with the TLS
 * engine's words deep in the cause chain; these are matched for the JDK's and for BoringSSL's
 * (grpc-netty-shaded's) spelling.
 */
final class ConnectionFailure {
  private ConnectionFailure() {}

  static String explain(TemporalSettings settings, StatusRuntimeException e) {
    String detail = causes(e);
    String advice =
        settings.usesTls() ? tlsAdvice(settings, detail.toLowerCase(Locale.ROOT)) : null;
    if (advice != null) {
      return "TLS handshake with Temporal at "
          + settings.address()
          + " failed: "
          + advice
          + " ("
          + detail
          + ")";
    }
    return "Temporal does not answer at "
        + settings.address()
        + " ("
        + detail
        + "); start a local one with `greenlight dev-server` or set "
        + ADDRESS
        + (settings.usesTls()
            ? ""
            : "; if the server speaks TLS (Temporal Cloud does), set " + TLS + "=true");
  }

  /**
   * Which side refused the TLS handshake and what to set, read from the failure's lower-cased
   * {@code words}; null when they name no handshake failure, so the connection just did not answer.
   */
  private static String tlsAdvice(TemporalSettings settings, String words) {
    if (words.contains("certificate_required")
        || words.contains("certificate required")
        || (!settings.presentsClientCertificate() && words.contains("bad_certificate"))) {
      return "the server asks for a client certificate (mutual TLS) and none is configured; set "
          + TLS_CLIENT_CERT_PATH
          + " and "
          + TLS_CLIENT_KEY_PATH;
    }
    if (words.contains("bad_certificate")
        || words.contains("unknown_ca")
        || words.contains("bad certificate")) {
      return "the server refused the client certificate ("
          + TLS_CLIENT_CERT_PATH
          + "): is it signed by a CA the server trusts?";
    }
    if (words.contains("subject alternative name")
        || words.contains("no name matching")
        || words.contains("hostname")) {
      return "the server's certificate does not carry the name "
          + host(settings.address())
          + "; connect by a name it carries, or set "
          + TLS_SERVER_NAME
          + " to one";
    }
    if (words.contains("pkix")
        || words.contains("certification path")
        || words.contains("certificate_unknown")
        || words.contains("unable to get local issuer")) {
      String ca = settings.serverCaFile();
      return ca == null
          ? "the server's certificate is not signed by a CA the JVM trusts; set "
              + TLS_SERVER_CA_CERT_PATH
              + " to the CA that signed it"
          : "the server's certificate is not signed by the CA in "
              + TLS_SERVER_CA_CERT_PATH
              + " ("
              + ca
              + ")";
    }
    if (words.contains("not_ssl_record")
        || words.contains("not an ssl/tls record")
        || words.contains("wrong_version_number")) {
      return "the server does not speak TLS there; check the port, or set " + TLS + "=false";
    }
    return null;
  }

  private static String host(String address) {
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }

  /** The messages down the cause chain, each once: gRPC's status hides the TLS alert beneath. */
  static String causes(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      // Netty lists its handlers before the reason: noise to someone fixing a certificate.
      message = message.replaceAll("\\s*Channel Pipeline: \\[[^\\]]*\\]:?", "").trim();
      if (all.indexOf(message) < 0) {
        all.append(all.length() == 0 ? "" : ": ").append(message);
      }
    }
    return all.toString();
  }
}
