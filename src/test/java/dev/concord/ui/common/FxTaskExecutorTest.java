package dev.concord.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Background work reports every failure, Errors included, on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {

    @Test
    void anErrorInTheWorkReachesOnFailureOnTheFxThread() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean onFxThread = new AtomicBoolean();
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            executor.<String>run(() -> {
                throw new StackOverflowError("deep merge");
            }, ok -> { }, e -> {
                onFxThread.set(Platform.isFxApplicationThread());
                failure.set(e);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
        }
        assertThat(failure.get()).isInstanceOf(StackOverflowError.class).hasMessage("deep merge");
        assertThat(onFxThread).isTrue();
    }

    @Test
    void anExceptionStillReachesOnFailure() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            executor.<String>run(() -> {
                throw new java.io.IOException("disk");
            }, ok -> { }, failure::set);
            await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
        }
        assertThat(failure.get()).hasMessage("disk");
    }
}
