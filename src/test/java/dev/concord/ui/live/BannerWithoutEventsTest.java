package dev.concord.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.domain.Entity;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.editor.FieldModel;
import dev.concord.ui.main.ConsoleServices;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.testing.NoConflicts;
import dev.concord.ui.testing.Records;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The banner does not depend on the event stream: a record that moved and is only seen through a refresh
 * (F5) or by opening its row again shows the same banner as a live event would (the stream may be down).
 */
class BannerWithoutEventsTest {
    private final Entity base = Records.subscription("sub_1", 7);
    private final Entity other = Records.subscription("sub_2", 3);
    private final FakeConcordApi api = new FakeConcordApi("alice").put(base).put(other);
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ConsoleViewModel console = new ConsoleViewModel(new ConsoleServices("http://127.0.0.1:0", api,
            (from, mine) -> new SaveOutcome.Saved(Records.next(from, "alice", mine.asMap()), List.of(), 1),
            new NoConflicts(), executor));

    /** The editor of {@code base} with an unsaved note, and its banner as LiveConsole makes it. */
    private LiveBannerViewModel editNotesWithBanner() {
        console.open(base);
        EditorViewModel editor = console.getEditor();
        @SuppressWarnings("unchecked")
        FieldModel<String> notes = (FieldModel<String>) editor.field("notes").orElseThrow();
        notes.inputProperty().set("Mine.");
        // This machine's clock two minutes after Bob's write (Records.next stamps it a minute after the base).
        return new LiveBannerViewModel(editor, api, executor, () -> "alice",
                Clock.fixed(base.updatedAt().plusSeconds(60 + 120), ZoneOffset.UTC));
    }

    @Test
    void aRefreshUnderUnsavedEditsShowsTheBanner() {
        LiveBannerViewModel banner = editNotesWithBanner();
        api.put(Records.next(base, "bob", Map.of("status", "paused")));

        console.refreshAll();

        assertThat(console.getEditor().getBase().version()).as("not moved behind the agent's back").isEqualTo(7);
        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.MOVED);
        assertThat(banner.getMessage()).isEqualTo("Bob changed status 2 minutes ago");
    }

    @Test
    void reopeningTheRowOfAMovedRecordShowsTheBanner() {
        LiveBannerViewModel banner = editNotesWithBanner();
        EditorViewModel editor = console.getEditor();
        console.open(other);
        Entity bobs = Records.next(base, "bob", Map.of("status", "paused"));
        api.put(bobs);

        console.open(bobs);

        assertThat(console.getEditor()).as("the same editor, edits kept").isSameAs(editor);
        assertThat(editor.getBase().version()).isEqualTo(7);
        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.MOVED);
        assertThat(banner.getMessage()).isEqualTo("Bob changed status 2 minutes ago");

        banner.rebaseNow();

        assertThat(editor.getBase()).isEqualTo(bobs);
        assertThat(editor.field("notes").orElseThrow().inputProperty().get()).isEqualTo("Mine.");
    }
}
