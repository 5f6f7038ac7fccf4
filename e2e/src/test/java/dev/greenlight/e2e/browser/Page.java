package dev.greenlight.e2e.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/**
 * The browser's one tab, seen as a person sees it: navigate, read the rendered text, click what
 * carries a given text, take a screenshot. Waits are bounded polls of the rendered page.
 */
public final class Page implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevTools devTools;

  Page(DevTools devTools) {
    this.devTools = devTools;
  }

  public void navigate(String url) {
    devTools.call("Page.navigate", devTools.params().put("url", url));
  }

  /** Runs {@code expression} in the page (awaiting a promise) and returns its JSON value. */
  public JsonNode evaluate(String expression) {
    JsonNode result =
        devTools.call(
            "Runtime.evaluate",
            devTools
                .params()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(
          "page script failed: " + result.get("exceptionDetails") + "\nscript: " + expression);
    }
    return result.path("result").path("value");
  }

  /**
   * The page's rendered text ({@code innerText}: what is visible, laid out as lines), followed by
   * the text of its frames: the Temporal UI renders Markdown (summary, details, current details) in
   * sandboxed frames, whose documents a script cannot reach, so their {@code srcdoc} is read.
   */
  public String text() {
    return evaluate(
            """
            (() => {
              const frames = [...document.querySelectorAll('iframe')].map(f => {
                try {
                  if (f.contentDocument && f.contentDocument.body) {
                    return f.contentDocument.body.innerText;
                  }
                } catch (e) {}
                const holder = document.createElement('div');
                holder.innerHTML = f.srcdoc || '';
                return holder.textContent;
              });
              return [document.body ? document.body.innerText : ''].concat(frames).join('\\n');
            })()
            """)
        .asText();
  }

  /**
   * Polls {@link #text()} until {@code check} holds, returning that text.
   *
   * @throws AssertionError naming {@code what} with the last text seen
   */
  public String awaitText(Duration timeout, String what, Predicate<String> check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last = text();
        if (check.test(last)) {
          return last;
        }
      } catch (IllegalStateException e) {
        last = "(page not readable: " + e.getMessage() + ")";
      }
      Chromium.sleep(250);
    }
    throw new AssertionError(
        "timed out after "
            + timeout.toSeconds()
            + " s waiting for "
            + what
            + "; the page read:\n"
            + last);
  }

  /**
   * Clicks the last visible element matching {@code selector} whose first line of text equals
   * {@code label} (a tab reads "Event History" over its count), as a person clicks what they read.
   *
   * @return whether one was found
   */
  public boolean click(String selector, String label) {
    String script =
        """
        (() => {
          const target = [...document.querySelectorAll(%s)]
            .filter(e => e.offsetParent !== null
              && (e.innerText || e.textContent || '').trim().split('\\n')[0].trim() === %s)
            .pop();
          if (!target) return false;
          target.scrollIntoView({block: 'center'});
          target.click();
          return true;
        })()
        """
            .formatted(quote(selector), quote(label));
    return evaluate(script).asBoolean();
  }

  /** Polls {@link #click} until it finds its element. */
  public void awaitClick(Duration timeout, String selector, String label) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (click(selector, label)) {
        return;
      }
      Chromium.sleep(250);
    }
    throw new AssertionError(
        "no visible "
            + selector
            + " reading '"
            + label
            + "' within "
            + timeout.toSeconds()
            + " s; the page read:\n"
            + text());
  }

  /** Writes a PNG of the visible page to {@code file}. */
  public void screenshot(Path file) throws IOException {
    JsonNode shot = devTools.call("Page.captureScreenshot", devTools.params().put("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  static String quote(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  ObjectNode params() {
    return devTools.params();
  }

  @Override
  public void close() {
    devTools.close();
  }
}
