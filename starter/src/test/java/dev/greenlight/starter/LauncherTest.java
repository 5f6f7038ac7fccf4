package dev.greenlight.starter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./greenlight} launcher, run by bash through a chain of relative symlinks on a {@code
 * bin/} directory, in a copy of the checkout that has the real launcher and the real poms but a
 * fake {@code mvnw} (records that it built, touches the jar) and a fake {@code java} first on the
 * PATH (records its arguments). Nothing is compiled and no JVM starts.
 */
class LauncherTest {
  private static final Instant JAR_BUILT = Instant.now().minus(Duration.ofHours(1));

  @TempDir Path dir;
  private Path checkout;
  private Path log;

  @BeforeEach
  void copyTheCheckout() throws IOException {
    Path repo = GreenlightCommandTest.planPath().getParent().getParent();
    checkout = Files.createDirectories(dir.resolve("checkout"));
    log = dir.resolve("calls.log");
    Files.copy(repo.resolve("greenlight"), checkout.resolve("greenlight"));
    Files.copy(repo.resolve("pom.xml"), checkout.resolve("pom.xml"));
    try (Stream<Path> modules = Files.list(repo)) {
      for (Path module : modules.filter(m -> Files.exists(m.resolve("pom.xml"))).toList()) {
        Path copy = Files.createDirectories(checkout.resolve(module.getFileName().toString()));
        Files.copy(module.resolve("pom.xml"), copy.resolve("pom.xml"));
        Files.writeString(
            Files.createDirectories(copy.resolve("src/main/java")).resolve("Source.java"), "");
      }
    }
    executable(
        checkout.resolve("mvnw"),
        "echo \"mvnw $*\" >> '"
            + log
            + "'\nmkdir -p starter/target\ntouch starter/target/greenlight.jar\n");
    executable(
        Files.createDirectories(dir.resolve("fake-bin")).resolve("java"),
        "echo \"java $* GREENLIGHT_HOME=$GREENLIGHT_HOME\" >> '" + log + "'\n");
    // bin/greenlight -> ../links/greenlight -> ../checkout/greenlight, as `ln -s` on a PATH makes.
    Files.createSymbolicLink(
        Files.createDirectories(dir.resolve("links")).resolve("greenlight"),
        Path.of("../checkout/greenlight"));
    Files.createSymbolicLink(
        Files.createDirectories(dir.resolve("bin")).resolve("greenlight"),
        Path.of("../links/greenlight"));
  }

  @Test
  void worksThroughASymlinkOnThePathAndBuildsOnFirstRun() throws Exception {
    String calls = run("status");
    assertTrue(
        calls.contains(
            "mvnw -q -B -DskipTests -Dgreenlight.worker.jar.skip=true package -pl starter -am"),
        calls);
    String home = checkout.toRealPath().toString();
    assertTrue(calls.contains("-jar " + home + "/starter/target/greenlight.jar status"), calls);
    assertTrue(calls.contains("GREENLIGHT_HOME=" + home), calls);

    assertFalse(run("status").contains("mvnw"), "a fresh jar is not rebuilt");
  }

  @Test
  void rebuildsWhenAnyModuleInTheJarChanged() throws Exception {
    for (String module :
        List.of(
            "starter",
            "ops",
            "worker",
            "activities",
            "workflows",
            "shared-validator",
            "local-services")) {
      builtJar();
      Files.setLastModifiedTime(
          checkout.resolve(module).resolve("src/main/java/Source.java"),
          FileTime.from(JAR_BUILT.plusSeconds(60)));
      assertTrue(run("status").contains("mvnw"), "a change in " + module + " rebuilds");
    }
    builtJar();
    Files.setLastModifiedTime(
        checkout.resolve("ops/pom.xml"), FileTime.from(JAR_BUILT.plusSeconds(60)));
    assertTrue(run("status").contains("mvnw"), "a changed pom of a module in the jar rebuilds");
  }

  @Test
  void modulesOutsideTheJarDoNotRebuildIt() throws Exception {
    builtJar();
    for (String module : List.of("e2e", "reference-api")) {
      Files.setLastModifiedTime(
          checkout.resolve(module).resolve("src/main/java/Source.java"),
          FileTime.from(JAR_BUILT.plusSeconds(60)));
    }
    assertFalse(run("status").contains("mvnw"));
  }

  @Test
  void longRunningCommandsKeepTheFullJitShortOnesRunC1Only() throws Exception {
    builtJar();
    for (String command : List.of("webhook", "worker", "dev-server", "watch", "fuzz")) {
      String calls = run(command);
      assertTrue(calls.startsWith("java "), calls);
      assertFalse(calls.contains("TieredStopAtLevel"), command + ": " + calls);
    }
    for (String command : List.of("status", "seed", "mode")) {
      assertTrue(run(command).contains("-XX:TieredStopAtLevel=1"), command);
    }
  }

  /** A jar built an hour ago, every source older. */
  private void builtJar() throws IOException {
    try (Stream<Path> files = Files.walk(checkout)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(JAR_BUILT.minus(Duration.ofHours(1))));
      }
    }
    Path jar =
        Files.createDirectories(checkout.resolve("starter/target")).resolve("greenlight.jar");
    if (!Files.exists(jar)) {
      Files.createFile(jar);
    }
    Files.setLastModifiedTime(jar, FileTime.from(JAR_BUILT));
  }

  /** Runs {@code bin/greenlight args} from the temp dir; returns what mvnw and java recorded. */
  private String run(String... args) throws Exception {
    Files.deleteIfExists(log);
    ProcessBuilder launcher =
        new ProcessBuilder(
                Stream.concat(Stream.of(dir.resolve("bin/greenlight").toString()), Stream.of(args))
                    .toList())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("launcher.out").toFile());
    launcher.environment().put("PATH", dir.resolve("fake-bin") + ":/usr/bin:/bin");
    launcher.environment().remove("GREENLIGHT_JAVA_OPTS");
    Process process = launcher.start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher hung");
    String output = Files.readString(dir.resolve("launcher.out"));
    assertEquals(0, process.exitValue(), output);
    return Files.exists(log) ? Files.readString(log) : "";
  }

  private static void executable(Path file, String body) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
