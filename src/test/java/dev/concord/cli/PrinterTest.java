package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.sync.MergedChange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {
    private static final Instant AT = Instant.parse("2026-11-29T09:00:00Z");

    @Test
    void mergedChangesAreGroupedByWhoMadeThem() {
        assertThat(Printer.merged(List.of())).isEmpty();
        assertThat(Printer.merged(List.of(new MergedChange("notes", "bob", AT))))
                .isEqualTo("Bob’s change to notes");
        assertThat(Printer.merged(List.of(new MergedChange("status", "bob", AT), new MergedChange("amount", "billing-bot", AT),
                new MergedChange("tags", "bob", AT), new MergedChange("notes", "bob", AT))))
                .isEqualTo("Bob’s changes to status, tags and notes, Billing-bot’s change to amount");
    }
}
