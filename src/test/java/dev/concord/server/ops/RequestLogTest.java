package dev.concord.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    @Test
    void millisHaveOneDecimalAsTheFormatterWroteThem() {
        for (double ms : new double[] {0, 0.04, 0.05, 0.95, 1.25, 9.99, 12.345, 1234.56}) {
            assertThat(RequestLog.tenths(ms)).as("%s", ms).isEqualTo(String.format(Locale.ROOT, "%.1f", ms));
        }
    }
}
