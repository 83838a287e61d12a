package dev.concord.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

/** The service's logback.xml: stderr written by a thread of its own that drops nothing; --log-format json reaches it. */
class LogFormatTest {
    @Test
    void theServiceLogsThroughANonDroppingAsyncAppenderThatJsonFormatReaches() throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            JoranConfigurator config = new JoranConfigurator();
            config.setContext(context);
            config.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            AsyncAppender async = (AsyncAppender) root.getAppender("ASYNC");
            assertThat(async.getDiscardingThreshold()).as("no INFO line dropped when the queue fills").isZero();
            assertThat(async.isNeverBlock()).as("waits rather than drops").isFalse();
            ConsoleAppender<?> stderr = (ConsoleAppender<?>) async.getAppender("STDERR");

            LogFormat.JSON.apply(context);

            assertThat(stderr.getEncoder()).isInstanceOf(JsonEncoder.class);
            assertThat(stderr.isStarted()).isTrue();
        } finally {
            context.stop();
        }
    }
}
