package dev.concord.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void defaultsAreTheIssuesNumbers() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.maxAttempts()).isEqualTo(3);
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(p.multiplier()).isEqualTo(2.0);
        assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withMaxRebases(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.defaults().withBackoff(Duration.ofMillis(100), 0.5, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customScheduleIsFollowed() {
        RetryPolicy p = RetryPolicy.defaults().withBackoff(Duration.ofMillis(10), 3, Duration.ofMillis(100));
        assertThat(p.backoffBound(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(p.backoffBound(2)).isEqualTo(Duration.ofMillis(30));
        assertThat(p.backoffBound(3)).isEqualTo(Duration.ofMillis(90));
        assertThat(p.backoffBound(4)).isEqualTo(Duration.ofMillis(100));
    }
}
