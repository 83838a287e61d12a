package dev.concord.ui.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.sync.Conflict;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NotesPrefetchTest {
    private final NotesPrefetch prefetch = new NotesPrefetch(new CurrentThreadTaskExecutor());

    @Test
    void theNewestConflictsHaveTheirNotesMergedBeforeADialogAsks() {
        Conflict c = Conflicts.statusAndNotes();
        prefetch.keepFor(List.of(c));

        PreparedNotes ready = prefetch.readyFor(c).orElseThrow();
        assertThat(ready.models()).containsKey("notes");
        // The dialog accepts them: it opens with its rows filled and merges nothing itself.
        ConflictDialogViewModel vm = new ConflictDialogViewModel(c, (id, v) -> null, new CurrentThreadTaskExecutor(), ready);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.rowFor("notes").getTextMerge()).isSameAs(ready.models().get("notes"));
    }

    @Test
    void aConflictThatChangedSinceIsMergedAgainNotServedStale() {
        Conflict c = Conflicts.statusAndNotes();
        prefetch.keepFor(List.of(c));
        Conflict refreshed = withId(c, c.conflictId(), c.theirs().values().with("notes", "Rewritten by bob."));

        assertThat(prefetch.readyFor(refreshed)).isEmpty();
        prefetch.keepFor(List.of(refreshed));
        assertThat(prefetch.readyFor(refreshed)).isPresent();
    }

    @Test
    void onlyTheNewestFewAreKept() {
        Conflict c = Conflicts.statusAndNotes();
        List<Conflict> newestFirst = IntStream.range(0, NotesPrefetch.KEEP + 2)
                .mapToObj(i -> withId(c, "c-" + i, c.theirs().values())).toList();
        prefetch.keepFor(newestFirst);

        assertThat(prefetch.readyFor(newestFirst.get(0))).isPresent();
        assertThat(prefetch.readyFor(newestFirst.get(NotesPrefetch.KEEP - 1))).isPresent();
        assertThat(prefetch.readyFor(newestFirst.get(NotesPrefetch.KEEP))).isEmpty();
        // Resolved ones leave the list, and their merges go with them.
        prefetch.keepFor(newestFirst.subList(1, 2));
        assertThat(prefetch.readyFor(newestFirst.get(0))).isEmpty();
    }

    private static Conflict withId(Conflict c, String id, dev.concord.domain.FieldValues theirs) {
        return new Conflict(id, c.kind(), c.entityId(), c.base(), c.mine(),
                c.kind().create(c.theirs().meta(), theirs), c.mergedSoFar(), c.conflicts(), c.createdAt());
    }
}
