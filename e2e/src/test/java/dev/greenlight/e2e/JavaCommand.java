package dev.greenlight.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The command lines of the suite's JVM servers, for {@code ServiceProcess.start}. */
final class JavaCommand {
  private static final String LOGBACK =
      Path.of(
              Objects.requireNonNull(
                      JavaCommand.class.getResource("/e2e-services-logback.xml"),
                      "e2e-services-logback.xml is not on the test classpath")
                  .getPath())
          .toString();

  private JavaCommand() {}

  /** The command that runs {@code mainClass} in a new JVM on this JVM's classpath. */
  static List<String> of(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Small heaps and C1 only: five JVMs share two cores with the build, and none runs long.
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    // One logging setup for every server, instead of whichever module's logback.xml comes first.
    command.add("-Dlogback.configurationFile=" + LOGBACK);
    command.add("-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }
}
