package dev.greenlight.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust in exactly the certificate authorities of one PEM file, instead of the JDK's default ones —
 * what Prometheus' own {@code ca_file} means, so a private CA's server is trusted and nothing else
 * is. Host names are still verified against the server's certificate. Immutable.
 *
 * @param file the PEM file the CAs were read from, named in {@link #toString()}
 * @param trustManager trusts exactly those CAs
 * @param socketFactory TLS sockets under that trust manager
 */
record PemTrust(Path file, X509TrustManager trustManager, SSLSocketFactory socketFactory) {

  /**
   * The CAs in the PEM file {@code file}, named by setting {@code setting}.
   *
   * @throws InvalidPrometheusSettingException when the file is missing, unreadable or holds no
   *     certificate
   */
  static PemTrust load(String setting, String file) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new InvalidPrometheusSettingException(
          setting + " names " + path + ", which is not a file");
    }
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(path)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new InvalidPrometheusSettingException(
          setting + " names " + path + ", which cannot be read: " + e.getClass().getSimpleName());
    } catch (GeneralSecurityException e) {
      throw new InvalidPrometheusSettingException(
          setting + " names " + path + ", which is not a PEM certificate file: " + e.getMessage());
    }
    if (certificates.isEmpty()) {
      throw new InvalidPrometheusSettingException(
          setting
              + " names "
              + path
              + ", which holds no certificate; it must hold the PEM certificate"
              + " (-----BEGIN CERTIFICATE-----) of the CA that signed Prometheus' certificate");
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509TrustManager trustManager = null;
      for (TrustManager candidate : factory.getTrustManagers()) {
        if (candidate instanceof X509TrustManager x509) {
          trustManager = x509;
        }
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      return new PemTrust(path, trustManager, context.getSocketFactory());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK could not build a trust store for " + path, e);
    }
  }

  @Override
  public String toString() {
    return "CA " + file;
  }
}
