package dev.greenlight.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One server the suite runs as an OS process of its own (a JVM or a binary such as {@code
 * prometheus}), its output appended to {@code <dir>/<name>.log} across restarts so a failure can
 * print what each process said.
 *
 * <p>Every process ever started is registered with a JVM shutdown hook that kills it, so a test JVM
 * that dies or times out still leaves no server behind; {@link #close()} is the normal path.
 */
final class ServiceProcess implements AutoCloseable {
  private static final String LOGBACK =
      Path.of(
              java.util.Objects.requireNonNull(
                      ServiceProcess.class.getResource("/e2e-services-logback.xml"),
                      "e2e-services-logback.xml is not on the test classpath")
                  .getPath())
          .toString();
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    RUNNING.forEach(
                        p -> {
                          p.descendants().forEach(ProcessHandle::destroyForcibly);
                          p.destroyForcibly();
                        }),
                "e2e-process-reaper"));
  }

  private final String name;
  private final List<String> command;
  private final Map<String, String> env;
  private final Path dir;
  private final Path log;
  private Process process;

  private ServiceProcess(String name, List<String> command, Map<String, String> env, Path dir) {
    this.name = name;
    this.command = List.copyOf(command);
    this.env = Map.copyOf(env);
    this.dir = dir;
    this.log = dir.resolve(name + ".log");
  }

  /** Starts {@code command} in {@code dir} with {@code env} added to this JVM's environment. */
  static ServiceProcess start(
      Path dir, String name, List<String> command, Map<String, String> env) {
    ServiceProcess service = new ServiceProcess(name, command, env, dir);
    service.start();
    return service;
  }

  /** Starts the process again after {@link #kill()} or {@link #stop()}, same command and env. */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running as pid " + process.pid());
    }
    try {
      Files.writeString(
          log,
          "---- start " + java.time.Instant.now() + ": " + String.join(" ", command) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      process = builder.start();
      RUNNING.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** {@code kill -9}: no shutdown hook, no graceful close, as when a machine dies. */
  synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    waitForExit(process);
  }

  /**
   * SIGTERM, then SIGKILL if the process has not exited within 10 seconds. Its children (the dev
   * server's {@code temporal} process) are killed with it if they outlive it.
   */
  synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    var children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    waitForExit(process);
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private void waitForExit(Process p) {
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(p);
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  String name() {
    return name;
  }

  /** The whole log, or its last {@code maxChars} characters. */
  String log(int maxChars) {
    try {
      String text = Files.readString(log);
      return text.length() <= maxChars ? text : "…" + text.substring(text.length() - maxChars);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** How many times {@code text} occurs in the log. */
  int logCount(String text) {
    String all = log(Integer.MAX_VALUE);
    int count = 0;
    for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
      count++;
    }
    return count;
  }

  boolean logContains(String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** The command that runs {@code mainClass} in a new JVM on this JVM's classpath. */
  static List<String> java(String mainClass, String... args) {
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

  @Override
  public void close() {
    stop();
  }
}
