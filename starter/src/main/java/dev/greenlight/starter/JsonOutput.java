package dev.greenlight.starter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option of a command that reports state, and how it prints: one JSON document
 * per line (so {@code watch --json} is JSON lines and {@code jq} reads every command alike).
 */
public final class JsonOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper INDENTING =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(names = "--json", description = "Print the result as one line of JSON.")
  public boolean json;

  /**
   * Prints {@code value} as one line of JSON and flushes, so a reader of a pipe sees it at once.
   */
  public static void print(PrintWriter out, Object value) {
    write(out, MAPPER, value);
  }

  /**
   * Prints {@code value} as indented JSON and flushes: the one document a summary command ({@code
   * status}, {@code fuzz}, {@code plan gates}) prints under {@code --json}, meant for people as
   * much as for {@code jq}.
   */
  public static void printIndented(PrintWriter out, Object value) {
    write(out, INDENTING, value);
  }

  private static void write(PrintWriter out, ObjectMapper mapper, Object value) {
    try {
      out.println(mapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /**
   * Reports a command's result: {@code json} as one line of JSON under {@code --json}, else {@code
   * text} as it is; flushed either way.
   */
  public void report(PrintWriter out, Map<String, ?> json, String text) {
    if (this.json) {
      print(out, json);
      return;
    }
    out.print(text);
    out.flush();
  }
}
