package dev.concord.server.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * {@code --log-format json|text}: text is logback.xml's pattern; json swaps the console appender's encoder
 * for logback's own {@link JsonEncoder} (one JSON object per line, key/value pairs and MDC as members).
 */
public enum LogFormat {
    TEXT, JSON;

    /** Parses a user's value; the message names the accepted values. */
    public static LogFormat parse(String value) {
        for (LogFormat f : values()) {
            if (f.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("log format must be text or json, was '" + value + "'");
    }

    /** Applies this format to the console appenders of the root logger. */
    public void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context);
        }
    }

    /** {@link #apply()} on {@code context}. */
    void apply(LoggerContext context) {
        if (this == TEXT) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        java.util.List<Appender<ILoggingEvent>> appenders = new java.util.ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> a = it.next();
            appenders.add(a);
            if (a instanceof AsyncAppenderBase<ILoggingEvent> async) {
                // logback.xml writes stderr through an AsyncAppender: the console appender is inside it.
                async.iteratorForAppenders().forEachRemaining(appenders::add);
            }
        }
        for (Appender<ILoggingEvent> appender : appenders) {
            if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
                JsonEncoder encoder = new JsonEncoder();
                encoder.setContext(context);
                // Line per event; the logger context and sequence numbers only add noise.
                encoder.setWithContext(false);
                encoder.setWithSequenceNumber(false);
                encoder.setWithNanoseconds(false);
                // The message as people read it, not its pattern and arguments apart.
                encoder.setWithFormattedMessage(true);
                encoder.setWithMessage(false);
                encoder.setWithArguments(false);
                encoder.start();
                console.stop();
                console.setEncoder(encoder);
                console.start();
            }
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
