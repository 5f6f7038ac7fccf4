package dev.greenlight.rollout.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The rules of the plan's {@code notify:} section. Secrets stay out of the plan: a URL written in
 * the plan may not carry credentials, and a Slack webhook URL (a credential itself) must be named
 * by an environment variable or a file. Whether those exist is the worker's business, checked at
 * each delivery, because the plan is validated where it is started, not where it runs.
 */
final class NotifyRules {
  private static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";
  private static final String SINK_NAME = "[a-z0-9][a-z0-9-]{0,62}";

  private final BiConsumer<String, String> fail;

  private NotifyRules(BiConsumer<String, String> fail) {
    this.fail = fail;
  }

  /** Reports each broken rule of {@code spec} to {@code fail} as (field path, rule). */
  static void check(NotifySpec spec, BiConsumer<String, String> fail) {
    new NotifyRules(fail).spec(spec);
  }

  private void spec(NotifySpec spec) {
    if (spec.sinks() == null || spec.sinks().isEmpty()) {
      fail.accept("notify.sinks", "must list at least one sink (or leave out notify:)");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.sinks().size(); i++) {
      NotifySink sink = spec.sinks().get(i);
      String path = "notify.sinks[" + i + "]";
      if (sink == null) {
        fail.accept(path, "is empty");
        continue;
      }
      if (sink.name() == null || !sink.name().matches(SINK_NAME)) {
        fail.accept(
            path + ".name",
            "must be lower-case letters, digits and dashes (at most 63) but was " + sink.name());
      } else if (!names.add(sink.name())) {
        fail.accept(path + ".name", "must be unique but " + sink.name() + " is used twice");
      }
      if (sink.kind() == null) {
        fail.accept(path + ".kind", "is required: slack or json");
      }
      target(path, sink);
      secret(path, sink);
      events(path, sink.events());
      if (sink.blocks() != null && sink.kind() == NotifySink.Kind.JSON) {
        fail.accept(path + ".blocks", "is for slack sinks only");
      }
    }
  }

  private void target(String path, NotifySink sink) {
    int given =
        (sink.url() != null ? 1 : 0)
            + (sink.urlEnv() != null ? 1 : 0)
            + (sink.urlFile() != null ? 1 : 0);
    if (given != 1) {
      fail.accept(path, "needs exactly one of url, urlEnv and urlFile but has " + given);
      return;
    }
    if (sink.url() != null) {
      url(path + ".url", sink.url());
    }
    envName(path + ".urlEnv", sink.urlEnv());
    absoluteFile(path + ".urlFile", sink.urlFile());
  }

  private void url(String path, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      fail.accept(path, "must be an http or https URL but was " + text);
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      fail.accept(path, "must be an http or https URL but was " + text);
    } else if (uri.getRawUserInfo() != null) {
      // Never echo the value: it holds a credential.
      fail.accept(path, "must not carry credentials; name the URL with urlEnv or urlFile");
    } else if (uri.getHost().toLowerCase(Locale.ROOT).endsWith("hooks.slack.com")) {
      fail.accept(
          path, "is a Slack webhook URL, which is a secret: name it with urlEnv or urlFile");
    }
  }

  private void secret(String path, NotifySink sink) {
    if (sink.secretEnv() != null && sink.secretFile() != null) {
      fail.accept(path, "needs at most one of secretEnv and secretFile");
      return;
    }
    envName(path + ".secretEnv", sink.secretEnv());
    absoluteFile(path + ".secretFile", sink.secretFile());
  }

  private void events(String path, List<NotifyEvent> events) {
    if (events == null) {
      return;
    }
    if (events.isEmpty()) {
      fail.accept(path + ".events", "must list at least one event (or leave it out for defaults)");
    }
    Set<NotifyEvent> seen = new HashSet<>();
    for (NotifyEvent event : events) {
      if (event == null) {
        fail.accept(path + ".events", "must not contain an empty entry");
      } else if (!seen.add(event)) {
        fail.accept(path + ".events", "lists " + event.wireName() + " twice");
      }
    }
  }

  private void envName(String path, String name) {
    if (name != null && !name.matches(ENV_NAME)) {
      fail.accept(path, "must be an environment variable name like HOOK_URL but was " + name);
    }
  }

  private void absoluteFile(String path, String file) {
    if (file != null && !file.startsWith("/")) {
      fail.accept(path, "must be an absolute path on the worker but was " + file);
    }
  }
}
