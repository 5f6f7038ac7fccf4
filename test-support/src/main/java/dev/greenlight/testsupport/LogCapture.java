package dev.greenlight.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The events one logger emits while a test runs. Close it to detach. */
public final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  /** Captures the logger named after {@code source}. */
  public LogCapture(Class<?> source) {
    this(source.getName());
  }

  public LogCapture(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.start();
    logger.addAppender(appender);
  }

  /** Formatted messages at {@code level} that start with {@code prefix}. */
  public List<String> messages(Level level, String prefix) {
    synchronized (appender.list) {
      return appender.list.stream()
          .filter(event -> event.getLevel() == level)
          .map(ILoggingEvent::getFormattedMessage)
          .filter(message -> message.startsWith(prefix))
          .toList();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
