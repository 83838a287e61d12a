package dev.concord.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Logging of the console and the command line: everything from INFO up goes to a rolling file under the
 * user's data folder (the file a support engineer asks for; About shows where), and only warnings and
 * errors reach the terminal. The service keeps logback.xml: it logs to stderr for its journal.
 */
final class ConsoleLogging {
    /** Files kept: {@code NAME.log} and {@code NAME.1.log} .. {@code NAME.4.log}, at most 5 MB each. */
    private static final int KEEP = 4;
    private static final String MAX_SIZE = "5MB";

    private ConsoleLogging() {
    }

    /** {@code <home>/logs}: where the console and the command line write their logs. */
    static Path logDir(Path home) {
        return home.resolve("logs");
    }

    /** Replaces the configuration of logback.xml; {@code name} is console or cli. Returns the log file. */
    static Path install(Path home, String name) {
        Path file = logDir(home).resolve(name + ".log");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file;
        }
        context.reset();
        String pattern = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

        RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
        rolling.setContext(context);
        rolling.setName("FILE");
        rolling.setFile(file.toString());
        FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
        window.setContext(context);
        window.setParent(rolling);
        window.setFileNamePattern(logDir(home).resolve(name + ".%i.log").toString());
        window.setMinIndex(1);
        window.setMaxIndex(KEEP);
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(context);
        size.setMaxFileSize(FileSize.valueOf(MAX_SIZE));
        rolling.setRollingPolicy(window);
        rolling.setTriggeringPolicy(size);
        rolling.setEncoder(encoder(context, pattern));
        window.start();
        size.start();
        rolling.start();

        ConsoleAppender<ILoggingEvent> terminal = new ConsoleAppender<>();
        terminal.setContext(context);
        terminal.setName("STDERR");
        terminal.setTarget("System.err");
        terminal.setEncoder(encoder(context, "%d{HH:mm:ss} %-5level %logger{24} - %msg%n"));
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        terminal.addFilter(warnings);
        terminal.start();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(rolling);
        root.addAppender(terminal);
        for (String quiet : new String[] {"org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
