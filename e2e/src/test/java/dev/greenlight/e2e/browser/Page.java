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
    // A headless tab never has the window's focus, and editors (the UI's JSON input) take typing
    // only while focused: the page is told it has focus, as a person's foreground tab does.
    devTools.call("Emulation.setFocusEmulationEnabled", devTools.params().put("enabled", true));
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

  /**
   * Presses and releases the mouse on the middle of the element {@code finder} (a script that
   * evaluates to an element, or null) finds, as a person's click: the Temporal UI's menus and
   * pickers open on pointer events, which an element's {@code click()} does not send. It presses
   * only once the element has stopped moving, so a dialog still sliding in is not missed.
   *
   * @throws AssertionError naming {@code what} when the element is not there within {@code timeout}
   */
  public void awaitPress(Duration timeout, String what, String finder) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode before = locate(finder);
    while (System.nanoTime() < deadline) {
      Chromium.sleep(150);
      JsonNode now = locate(finder);
      if (now.isArray() && now.equals(before)) {
        pressAt(now.get(0).asDouble(), now.get(1).asDouble());
        return;
      }
      before = now;
    }
    throw new AssertionError(
        "no " + what + " within " + timeout.toSeconds() + " s; the page read:\n" + text());
  }

  /** The middle of the element {@code finder} finds, scrolled into view, or a non-array. */
  private JsonNode locate(String finder) {
    return evaluate(
        """
        (() => {
          const target = %s;
          if (!target) return null;
          target.scrollIntoView({block: 'center'});
          const box = target.getBoundingClientRect();
          return [box.x + box.width / 2, box.y + box.height / 2];
        })()
        """
            .formatted(finder));
  }

  private void pressAt(double x, double y) {
    for (String type : new String[] {"mouseMoved", "mousePressed", "mouseReleased"}) {
      devTools.call(
          "Input.dispatchMouseEvent",
          params()
              .put("type", type)
              .put("x", x)
              .put("y", y)
              .put("button", "left")
              .put("clickCount", 1));
    }
  }

  /**
   * A script finding the element a person sees: matching {@code selector}, laid out with a size
   * (the UI keeps hidden, zero-sized copies of its dialogs, with the same ids, beside the shown
   * ones), and whose first line of text starts with {@code label} (empty: any).
   */
  public static String shown(String selector, String label) {
    return """
        [...document.querySelectorAll(%s)].find(e => {
          const box = e.getBoundingClientRect();
          const first = (e.innerText || '').trim().split('\\n')[0].trim();
          return box.width > 0 && box.height > 0 && first.startsWith(%s);
        })"""
        .formatted(quote(selector), quote(label));
  }

  /** Types {@code text} into the focused element, as a keyboard would. */
  public void type(String text) {
    devTools.call("Input.insertText", params().put("text", text));
  }

  /** Presses Tab: leaves the focused field, so editors that format on blur do it now. */
  public void pressTab() {
    for (String type : new String[] {"keyDown", "keyUp"}) {
      devTools.call(
          "Input.dispatchKeyEvent",
          params()
              .put("type", type)
              .put("key", "Tab")
              .put("code", "Tab")
              .put("windowsVirtualKeyCode", 9));
    }
  }

  /** Writes a PNG of the visible page to {@code file}. */
  public void screenshot(Path file) throws IOException {
    JsonNode shot = devTools.call("Page.captureScreenshot", devTools.params().put("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
  }

  public static String quote(String value) {
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
