package dev.greenlight.testsupport;

import dev.greenlight.localservices.ProcessStop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One server a test runs as an OS process of its own (a JVM or a binary such as {@code
 * prometheus}), its output appended to {@code <dir>/<name>.log} across restarts so a failure can
 * print what each process said.
 *
 * <p>Every process ever started is registered with a JVM shutdown hook that kills it, so a test JVM
 * that dies or times out still leaves no server behind; {@link #close()} is the normal path.
 */
public final class ServiceProcess implements AutoCloseable {
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
                "test-process-reaper"));
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
  public static ServiceProcess start(
      Path dir, String name, List<String> command, Map<String, String> env) {
    ServiceProcess service = new ServiceProcess(name, command, env, dir);
    service.start();
    return service;
  }

  /** Starts {@code command} in {@code dir} with this JVM's environment. */
  public static ServiceProcess start(Path dir, String name, List<String> command) {
    return start(dir, name, command, Map.of());
  }

  /** Starts the process again after {@link #kill()} or {@link #stop()}, same command and env. */
  public synchronized void start() {
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
  public synchronized void kill() {
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
  public synchronized void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    var children = process.descendants().toList();
    ProcessStop.terminate(process, Duration.ofSeconds(10));
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

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public String name() {
    return name;
  }

  /** The whole log, or its last {@code maxChars} characters. */
  public String log(int maxChars) {
    try {
      String text = Files.readString(log);
      return text.length() <= maxChars ? text : "…" + text.substring(text.length() - maxChars);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** How many times {@code text} occurs in the log. */
  public int logCount(String text) {
    String all = log(Integer.MAX_VALUE);
    int count = 0;
    for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
      count++;
    }
    return count;
  }

  public boolean logContains(String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** The whole log under a header naming the process, for failure messages. */
  public String log() {
    return "---- " + name + " log ----\n" + log(Integer.MAX_VALUE);
  }

  @Override
  public void close() {
    stop();
  }
}
