package dev.greenlight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for one test, and a server certificate it signs for {@code
 * 127.0.0.1} and {@code localhost}: PEM files in a directory the caller owns, made with the {@code
 * openssl} command line (on every Debian and macOS machine) rather than a crypto library, so no
 * test dependency is needed. Keys are unencrypted P-256, valid for two days.
 *
 * @param caCertificate the CA's certificate, what a client trusts
 * @param serverCertificate the server's certificate, signed by the CA
 * @param serverKey the server's private key
 */
public record LoopbackCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {

  /**
   * A new CA and server certificate in {@code dir}, file names starting with {@code name}.
   *
   * @throws IllegalStateException with openssl's output when a step fails
   */
  public static LoopbackCertificates create(Path dir, String name) {
    Path caKey = dir.resolve(name + "-ca.key");
    Path caCert = dir.resolve(name + "-ca.crt");
    Path csr = dir.resolve(name + "-server.csr");
    Path key = dir.resolve(name + "-server.key");
    Path cert = dir.resolve(name + "-server.crt");
    Path extensions = dir.resolve(name + "-server.ext");
    try {
      Files.createDirectories(dir);
      Files.writeString(
          extensions,
          "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
              + "basicConstraints=critical,CA:FALSE\n"
              + "keyUsage=critical,digitalSignature\n"
              + "extendedKeyUsage=serverAuth\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    openssl(
        dir,
        newP256Key(
            caKey,
            caCert,
            "-x509",
            "-days",
            "2",
            "-subj",
            "/CN=greenlight test CA " + name,
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign"));
    openssl(dir, newP256Key(key, csr, "-new", "-subj", "/CN=127.0.0.1"));
    openssl(
        dir,
        "x509",
        "-req",
        "-in",
        csr.toString(),
        "-CA",
        caCert.toString(),
        "-CAkey",
        caKey.toString(),
        "-CAcreateserial",
        "-out",
        cert.toString(),
        "-days",
        "2",
        "-extfile",
        extensions.toString());
    return new LoopbackCertificates(caCert, cert, key);
  }

  /**
   * The arguments of {@code openssl req} that make a new unencrypted P-256 key in {@code keyOut}
   * and write {@code out} as {@code more} says: a self-signed certificate or a signing request.
   */
  private static String[] newP256Key(Path keyOut, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("req"));
    args.addAll(List.of(more));
    args.addAll(
        List.of(
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            keyOut.toString(),
            "-out",
            out.toString()));
    return args.toArray(String[]::new);
  }

  private static void openssl(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    Path log = dir.resolve("openssl.log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("openssl " + args[0] + " did not finish within 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "openssl " + String.join(" ", args) + " failed:\n" + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run openssl (is it on the PATH?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running openssl", e);
    }
  }
}
