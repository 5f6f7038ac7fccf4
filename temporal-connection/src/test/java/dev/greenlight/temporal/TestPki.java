package dev.greenlight.temporal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made for one test run with the JDK's own {@code keytool} (so no machine needs
 * openssl): a CA, a second CA that signed nothing here, a server certificate for 127.0.0.1 and
 * localhost, one for {@value #OTHER_NAME} only, and a client certificate — all PEM, keys PKCS#8.
 */
final class TestPki {
  static final String OTHER_NAME = "temporal.greenlight.test";
  private static final String PASSWORD = "changeit";

  final Path caCert;
  final Path wrongCaCert;
  final Path serverCert;
  final Path serverKey;
  final Path otherNameCert;
  final Path otherNameKey;
  final Path clientCert;
  final Path clientKey;
  private final Path dir;

  private TestPki(Path dir) throws Exception {
    this.dir = dir;
    caCert = newCa("ca");
    wrongCaCert = newCa("wrong-ca");
    serverCert = signed("server", "san=ip:127.0.0.1,dns:localhost", "eku=serverAuth");
    serverKey = dir.resolve("server.key");
    otherNameCert = signed("other", "san=dns:" + OTHER_NAME, "eku=serverAuth");
    otherNameKey = dir.resolve("other.key");
    clientCert = signed("client", "eku=clientAuth", null);
    clientKey = dir.resolve("client.key");
  }

  static TestPki create(Path dir) throws Exception {
    return new TestPki(dir);
  }

  /** A P-256 key pair named {@code name} valid for two days, in its own keystore. */
  private void generateKeyPair(String name, String distinguishedName, String... moreOptions)
      throws Exception {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                distinguishedName,
                "-validity",
                "2",
                "-keystore",
                store(name)));
    options.addAll(List.of(moreOptions));
    keytool(options.toArray(String[]::new));
  }

  private Path newCa(String name) throws Exception {
    generateKeyPair(name, "CN=Greenlight test " + name, "-ext", "bc:c");
    Path pem = dir.resolve(name + ".pem");
    keytool(
        "-exportcert", "-rfc", "-alias", name, "-keystore", store(name), "-file", pem.toString());
    return pem;
  }

  /** A key pair named {@code name}, its certificate signed by the CA, its key written as PEM. */
  private Path signed(String name, String ext, String moreExt) throws Exception {
    generateKeyPair(name, "CN=" + name);
    Path csr = dir.resolve(name + ".csr");
    keytool("-certreq", "-alias", name, "-keystore", store(name), "-file", csr.toString());
    Path pem = dir.resolve(name + ".pem");
    List<String> gencert =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                store("ca"),
                "-infile",
                csr.toString(),
                "-outfile",
                pem.toString(),
                "-validity",
                "2",
                "-ext",
                ext));
    if (moreExt != null) {
      gencert.addAll(List.of("-ext", moreExt));
    }
    keytool(gencert.toArray(String[]::new));
    writeKey(name);
    return pem;
  }

  private void writeKey(String name) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(store(name)))) {
      store.load(in, PASSWORD.toCharArray());
    }
    PrivateKey key = (PrivateKey) store.getKey(name, PASSWORD.toCharArray());
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    Files.writeString(
        dir.resolve(name + ".key"),
        "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
  }

  private String store(String name) {
    return dir.resolve(name + ".p12").toString();
  }

  private void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    // A dozen short JVMs: the quick compiler and a small collector halve each one's start.
    command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
    command.addAll(List.of(args));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
