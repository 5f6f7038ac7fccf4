package dev.greenlight.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.greenlight.validator.ValidationMode;
import dev.greenlight.validator.ValidationResult.Outcome;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UnknownStageLogTest {
  private final AtomicLong clock = new AtomicLong(1_000);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(UnknownStageLog.LOGGER_NAME);

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
  }

  @Test
  void floodIsCutToTheLimitAndTheRestIsCounted() {
    UnknownStageLog log = new UnknownStageLog(5, clock::get);
    for (int i = 0; i < 1_000; i++) {
      log.unknown("create", "c" + i, "bad " + i, ValidationMode.WARN, Outcome.ACCEPTED_UNKNOWN);
    }
    assertEquals(5, messages().size());
    clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
    log.unknown("create", "c", "bad again", ValidationMode.WARN, Outcome.ACCEPTED_UNKNOWN);
    List<String> messages = messages();
    assertEquals(7, messages.size());
    assertEquals(
        "[stage-validate] 995 more unknown stage values were not logged (limit 5 lines a second)",
        messages.get(5));
    assertTrue(messages.get(6).contains("\"bad again\""), messages.get(6));
  }

  @Test
  void valuesAreQuotedEscapedAndCut() {
    UnknownStageLog log = new UnknownStageLog(5, clock::get);
    log.unknown("create", "c\n", "x".repeat(100) + "\n", ValidationMode.ENFORCE, Outcome.REJECTED);
    String line = messages().get(0);
    assertEquals(
        "[stage-validate] unknown stage \""
            + "x".repeat(64)
            + "\"…(101 chars) at endpoint create from consumer \"c\\n\": rejected in mode enforce",
        line);
  }

  private List<String> messages() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
