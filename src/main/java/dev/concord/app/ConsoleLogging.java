package dev.concord.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import dev.concord.sync.DataFolder;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Logging of the console and the command line: everything from INFO up goes to a rolling file under the
 * user's data folder (the file a support engineer asks for; About shows where), and only warnings and
 * errors reach the terminal. The service keeps logback.xml: it logs to stderr for its journal.
 *
 * <p>Logback finds this class as a {@link Configurator} (META-INF/services) when its first logger is made.
 * After {@link #use} it configures logback in code, so that logback.xml is never read: parsing it (an XML
 * parser and Joran, ~400 classes, ~0.3 s of CPU) came before the console's first window (issue 16). Without
 * {@link #use} it stands aside and logback reads logback.xml as before.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    /** Files kept: {@code NAME.log} and {@code NAME.1.log} .. {@code NAME.4.log}, at most 5 MB each. */
    private static final int KEEP = 4;
    private static final String MAX_SIZE = "5MB";
    /** The log's name (console or cli) and folder that {@link #use} chose, read when logback starts. */
    private static volatile Path chosenFile;
    /** The file logback was last configured for by this class (null: logback.xml, or not started). */
    private static Path configuredFile;

    /** For logback's ServiceLoader. */
    public ConsoleLogging() {
    }

    /** {@code <home>/logs}: where the console and the command line write their logs. */
    static Path logDir(Path home) {
        return home.resolve("logs");
    }

    /** {@code <home>/logs/console.log}: the console's log, as the agent is told where to find it. */
    static Path consoleLog(Path home) {
        return logDir(home).resolve("console.log");
    }

    /**
     * Chooses the console's (or command line's) log, {@code name} console or cli, before logback starts: call
     * it before any logger is made. Does not start logback.
     */
    static void use(Path home, String name) {
        chosenFile = logDir(home).resolve(name + ".log");
    }

    /**
     * Makes sure logging goes to {@code name}'s file: configured as logback starts when {@link #use} came first,
     * else logback.xml's configuration is replaced now. Returns the log file.
     */
    static Path install(Path home, String name) {
        use(home, name);
        Path file = chosenFile;
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file;
        }
        synchronized (ConsoleLogging.class) {
            if (!file.equals(configuredFile)) {
                context.reset();
                configure(context, file);
            }
        }
        return file;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Path file = chosenFile;
        if (file == null) {
            return ExecutionStatus.NEUTRAL;
        }
        synchronized (ConsoleLogging.class) {
            configure(context, file);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static void configure(LoggerContext context, Path file) {
        Path dir = file.getParent();
        String name = file.getFileName().toString().replaceFirst("\\.log$", "");
        String pattern = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";
        // logback prints its own status (with Java stack traces) to the terminal when something in its set-up
        // fails; the one failure that happens in the field, a log folder that cannot be written, is handled below.
        context.getStatusManager().add(new NopStatusListener());
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        if (DataFolder.check(dir).isEmpty()) {
            root.addAppender(rollingFile(context, file, dir, name, pattern));
        }
        // Warnings also go to the terminal, one line each: the stack traces are for the log file. When the folder
        // cannot be written the console says so itself before any window (DataFolder) and stops.
        ConsoleAppender<ILoggingEvent> terminal = new ConsoleAppender<>();
        terminal.setContext(context);
        terminal.setName("STDERR");
        terminal.setTarget("System.err");
        terminal.setEncoder(encoder(context, "%d{HH:mm:ss} %-5level %logger{24} - %msg%n%nopex"));
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        terminal.addFilter(warnings);
        terminal.start();
        root.addAppender(terminal);
        for (String quiet : new String[] {"org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        configuredFile = file;
    }

    private static RollingFileAppender<ILoggingEvent> rollingFile(LoggerContext context, Path file, Path dir,
            String name, String pattern) {
        RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
        rolling.setContext(context);
        rolling.setName("FILE");
        rolling.setFile(file.toString());
        FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
        window.setContext(context);
        window.setParent(rolling);
        window.setFileNamePattern(dir.resolve(name + ".%i.log").toString());
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
        return rolling;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
