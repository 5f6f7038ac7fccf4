package dev.greenlight.preflight;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runbook's consumer audit: reads an access log in combined format and sorts its clients into
 * internal (a configured network or user agent) and external. Lines it cannot parse are counted,
 * not guessed at. Thread-safe.
 */
public final class ConsumerAudit {
  /** {@code ip ident user [time] "request" status size "referer" "user agent"}. */
  private static final Pattern COMBINED =
      Pattern.compile("^(\\S+) \\S+ \\S+ \\[[^]]*] \"[^\"]*\" \\d{3} \\S+ \"[^\"]*\" \"([^\"]*)\"");

  private final List<Cidr> internalNetworks;
  private final List<String> internalAgents;

  public ConsumerAudit(List<String> internalCidrs, List<String> internalUserAgents) {
    this.internalNetworks = internalCidrs.stream().map(Cidr::parse).toList();
    this.internalAgents = List.copyOf(internalUserAgents);
  }

  /** What the audit found. {@code external} maps "ip user-agent" to requests, most first. */
  public record Report(
      long linesRead, long unparsed, int internalConsumers, Map<String, Long> external) {}

  /**
   * @throws NoSuchFileException when the log does not exist
   */
  public Report audit(Path accessLog) throws IOException {
    long lines = 0;
    long unparsed = 0;
    Set<String> internal = new HashSet<>();
    Map<String, Long> external = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(accessLog, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        Matcher m = COMBINED.matcher(line);
        if (!m.find()) {
          unparsed++;
          continue;
        }
        String ip = m.group(1);
        String agent = m.group(2);
        String consumer = ip + " " + agent;
        if (isInternal(ip, agent)) {
          internal.add(consumer);
        } else {
          external.merge(consumer, 1L, Long::sum);
        }
      }
    }
    Map<String, Long> sorted = new java.util.LinkedHashMap<>();
    external.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return new Report(lines, unparsed, internal.size(), sorted);
  }

  private boolean isInternal(String ip, String agent) {
    for (Cidr network : internalNetworks) {
      if (network.contains(ip)) {
        return true;
      }
    }
    for (String marker : internalAgents) {
      if (agent.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
