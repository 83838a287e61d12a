package dev.concord.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.api.ChangeEvent;
import dev.concord.api.Presence;
import dev.concord.domain.Entity;
import dev.concord.sync.SaveOutcome;
import dev.concord.ui.common.CurrentThreadTaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.editor.FieldModel;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.testing.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LiveBannerViewModelTest {
    private final Entity base = Records.subscription("sub_1", 7);
    private final FakeConcordApi api = new FakeConcordApi("alice").put(base);
    private final List<Entity> savedFrom = new ArrayList<>();
    private final EditorViewModel editor = new EditorViewModel(base, (from, mine) -> {
        savedFrom.add(from);
        return new SaveOutcome.Saved(Records.next(from, "alice", mine.asMap()), List.of(), 1);
    }, new CurrentThreadTaskExecutor(), c -> { });
    /** This machine's clock: two minutes after Bob's refresh-only write (Records.next stamps base + 60 s). */
    private final MutableClock clock = new MutableClock(base.updatedAt().plusSeconds(60 + 120));
    private final LiveBannerViewModel banner =
            new LiveBannerViewModel(editor, api, new CurrentThreadTaskExecutor(), () -> "alice", clock);

    /** Bob writes {@code changes} on the server and the event of that write arrives. */
    private Entity bobWrites(Map<String, ?> changes) {
        Entity now = Records.next(api.current(base.kind(), base.id()), "bob", changes);
        api.put(now);
        banner.changed(event(now, "bob", changes.keySet()));
        return now;
    }

    /** The event of a write, stamped by the server just now. */
    private ChangeEvent event(Entity e, String actor, Set<String> fields) {
        return new ChangeEvent(100 + e.version(), e.kind().path(), e.id(), e.version(), actor, clock.instant(), "update",
                List.copyOf(fields));
    }

    @SuppressWarnings("unchecked")
    private <T> void edit(String field, T input) {
        ((FieldModel<T>) editor.field(field).orElseThrow()).inputProperty().set(input);
    }

    private static Presence presence(String actor, String state) {
        return new Presence(actor, "subscriptions", "sub_1", state, Instant.now().plusSeconds(30));
    }

    @Test
    void aWriteBySomeoneElseShowsWhoChangedWhichFieldsAndWhen() {
        edit("customerName", "Ada King");
        bobWrites(new java.util.LinkedHashMap<>(Map.of("status", "paused")));
        banner.changed(event(Records.next(api.current(base.kind(), "sub_1"), "bob", Map.of()), "bob", Set.of("notes")));

        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.MOVED);
        assertThat(banner.getMessage()).isEqualTo("Bob changed status and notes just now");
        assertThat(banner.getOverlap()).isEmpty();
    }

    @Test
    void ownWritesOtherRecordsAndVersionsTheEditorHasShowNothing() {
        Entity mine = Records.next(base, "alice", Map.of("notes", "x"));
        banner.changed(event(mine, "alice", Set.of("notes")));
        banner.changed(new ChangeEvent(1, "subscriptions", "sub_2", 9, "bob", Instant.now(), "update", List.of("notes")));
        banner.changed(new ChangeEvent(2, "plans", "sub_1", 9, "bob", Instant.now(), "update", List.of("notes")));
        banner.changed(event(base, "bob", Set.of("notes")));

        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.HIDDEN);
        assertThat(banner.getMessage()).isEmpty();
    }

    @Test
    void warnsBeforeSaveWhenTheAgentsUnsavedFieldConflictsWithTheChange() {
        edit("status", "cancelled");
        bobWrites(Map.of("status", "paused"));

        assertThat(banner.getOverlap())
                .isEqualTo("You also changed status; Bob's change to status conflicts with yours: Save will ask which to keep.");
    }

    @Test
    void whetherTheEditsMergeIsWorkedOutOffTheUiThread() {
        dev.concord.ui.testing.HeldComputeExecutor held = new dev.concord.ui.testing.HeldComputeExecutor();
        LiveBannerViewModel waiting = new LiveBannerViewModel(editor, api, held, () -> "alice");
        edit("status", "cancelled");
        Entity now = Records.next(api.current(base.kind(), base.id()), "bob", Map.of("status", "paused"));
        api.put(now);
        waiting.changed(event(now, "bob", Set.of("status")));

        assertThat(held.held()).as("the merge waits for a background thread").isPositive();
        assertThat(waiting.getOverlap()).doesNotContain("conflicts");

        held.release();

        assertThat(waiting.getOverlap())
                .isEqualTo("You also changed status; Bob's change to status conflicts with yours: Save will ask which to keep.");
    }

    @Test
    void aMergeThatFinishesAfterTheAgentUndidTheOverlappingEditIsDropped() {
        dev.concord.ui.testing.HeldComputeExecutor held = new dev.concord.ui.testing.HeldComputeExecutor();
        LiveBannerViewModel waiting = new LiveBannerViewModel(editor, api, held, () -> "alice");
        Object status = base.values().get("status");
        edit("status", "cancelled");
        Entity now = Records.next(api.current(base.kind(), base.id()), "bob", Map.of("status", "paused"));
        api.put(now);
        waiting.changed(event(now, "bob", Set.of("status")));

        edit("status", status);
        held.release();

        assertThat(waiting.getOverlap()).isEmpty();
    }

    @Test
    void saysOverlappingChangesMergeWhenTheyDo() {
        edit("notes", "Mine.");
        bobWrites(Map.of("tags", Set.of("vip", "refund")));
        assertThat(banner.getOverlap()).as("no overlapping edit yet").isEmpty();

        edit("tags", List.of("vip", "churn-risk"));

        assertThat(banner.getOverlap()).isEqualTo("You also changed tags; the changes merge: Rebase now keeps both.");
    }

    @Test
    void rebaseNowKeepsTheAgentsEditsAndMovesTheBaseToTheNewVersion() {
        edit("notes", "Called on Monday.\nRefund promised.");
        Entity bobs = bobWrites(Map.of("status", "paused"));

        banner.rebaseNow();

        assertThat(editor.getBase()).isEqualTo(bobs);
        assertThat(editor.field("notes").orElseThrow().inputProperty().get()).isEqualTo("Called on Monday.\nRefund promised.");
        assertThat(editor.field("notes").orElseThrow().isDirty()).isTrue();
        assertThat(editor.field("status").orElseThrow().inputProperty().get()).isEqualTo("paused");
        assertThat(editor.field("status").orElseThrow().isDirty()).isFalse();
        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.REBASED);
        assertThat(banner.getMessage())
                .isEqualTo("Rebased onto v8 with Bob's changes to status; your changes to notes are kept");

        editor.save();
        assertThat(savedFrom).extracting(Entity::version).containsExactly(8L);
        assertThat(banner.getState()).as("the save moved past the banner").isEqualTo(LiveBannerViewModel.State.HIDDEN);
    }

    @Test
    void aRebaseThatWouldHitATrueConflictKeepsTheEditsAndTheOldBaseAndSaysSo() {
        edit("status", "cancelled");
        edit("notes", "Mine.");
        bobWrites(Map.of("status", "paused"));

        banner.rebaseNow();

        assertThat(editor.getBase()).isEqualTo(base);
        assertThat(editor.field("status").orElseThrow().inputProperty().get()).isEqualTo("cancelled");
        assertThat(editor.field("notes").orElseThrow().inputProperty().get()).isEqualTo("Mine.");
        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.MOVED);
        assertThat(banner.getOverlap()).isEqualTo(
                "Cannot rebase: you and Bob both changed status. Your edits are kept; Save will let you choose what to keep.");
    }

    @Test
    void showChangesListsEachFieldWithOldAndNewValueAndWho() {
        edit("customerName", "Ada King");
        bobWrites(Map.of("status", "paused", "amount", new java.math.BigDecimal("25.00")));

        banner.toggleChanges();

        assertThat(banner.changes()).containsExactlyInAnyOrder("Status: Active \u2192 Paused (Bob)",
                "Amount: 19.90 \u2192 25.00 (Bob)");
        banner.toggleChanges();
        assertThat(banner.changes()).isEmpty();
    }

    @Test
    void presenceSaysWhoElseHasTheRecordOpen() {
        banner.presence(presence("bob", Presence.EDITING));
        assertThat(banner.getPresence()).isEqualTo("Bob is editing this record");

        banner.presence(presence("carol", Presence.VIEWING));
        banner.presence(presence("alice", Presence.EDITING));
        assertThat(banner.getPresence()).isEqualTo("Bob is editing and Carol is viewing this record");

        banner.presence(presence("bob", Presence.LEFT));
        assertThat(banner.getPresence()).isEqualTo("Carol is viewing this record");
        banner.presence(new Presence("dave", "subscriptions", "sub_2", Presence.EDITING, Instant.now()));
        assertThat(banner.getPresence()).isEqualTo("Carol is viewing this record");
    }

    @Test
    void anEditorWithoutEditsSimplyMovesToTheNewVersion() {
        Entity bobs = bobWrites(Map.of("notes", "Bob's note."));

        assertThat(editor.getBase()).isEqualTo(bobs);
        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.HIDDEN);
    }

    @Test
    void aNewerRecordFromARefreshShowsTheBannerWithoutAnyEvent() {
        edit("notes", "Mine.");
        Entity newer = Records.next(base, "billing-bot", Map.of("status", "past_due"));

        editor.recordMoved(newer);

        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.MOVED);
        assertThat(banner.getMessage()).as("who and when read off the record")
                .isEqualTo("Billing-bot changed status 2 minutes ago");
    }

    @Test
    void aRefreshUnderUnsavedEditsShowsTheBannerAndRebaseNowKeepsTheEdits() {
        edit("notes", "my note");
        Entity newer = Records.next(base, "bob", Map.of("status", "paused"));
        api.put(newer);

        editor.recordMoved(newer);

        assertThat(editor.getBase().version()).as("not moved behind the agent's back").isEqualTo(7);
        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.MOVED);
        assertThat(banner.getMessage()).isEqualTo("Bob changed status 2 minutes ago");
        assertThat(banner.getOverlap()).isEmpty();

        banner.rebaseNow();

        assertThat(editor.getBase().version()).isEqualTo(8);
        assertThat(editor.field("status").orElseThrow().inputProperty().get()).isEqualTo("paused");
        assertThat(editor.field("status").orElseThrow().isDirty()).isFalse();
        assertThat(editor.field("notes").orElseThrow().inputProperty().get()).isEqualTo("my note");
        assertThat(editor.field("notes").orElseThrow().isDirty()).isTrue();
        editor.save();
        assertThat(savedFrom).extracting(Entity::version).as("the save starts from the newer record").containsExactly(8L);
    }

    @Test
    void anOverlappingEditIsNamedAndNotRebasedUntilTheAgentUndoesIt() {
        edit("status", "cancelled");
        Entity newer = Records.next(base, "bob", Map.of("status", "paused", "notes", "x"));
        api.put(newer);
        editor.recordMoved(newer);

        assertThat(banner.getMessage()).isEqualTo("Bob changed status and notes 2 minutes ago");
        assertThat(banner.getOverlap())
                .isEqualTo("You also changed status; Bob's change to status conflicts with yours: Save will ask which to keep.");
        banner.rebaseNow();
        assertThat(editor.getBase().version()).isEqualTo(7);
        assertThat(banner.getOverlap()).startsWith("Cannot rebase: you and Bob both changed status.");

        edit("status", base.values().get("status"));
        assertThat(banner.getOverlap()).as("no overlap once the agent undoes that edit").isEmpty();
        banner.rebaseNow();
        assertThat(editor.getBase().version()).isEqualTo(8);
    }

    @Test
    void theBannerGoesAwayWhenTheAgentRevertsToTheNewVersion() {
        edit("notes", "Mine.");
        Entity bobs = bobWrites(Map.of("status", "paused"));
        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.MOVED);

        editor.revert();

        assertThat(editor.getBase()).isEqualTo(bobs);
        assertThat(banner.getState()).isEqualTo(LiveBannerViewModel.State.HIDDEN);
        assertThat(banner.getMessage()).isEmpty();
    }

    @Test
    void aPresenceThatLapsedWithoutRenewalIsForgotten() {
        Instant now = Instant.parse("2026-11-29T06:00:00Z");
        java.time.Clock later = java.time.Clock.fixed(now.plusSeconds(31), java.time.ZoneOffset.UTC);
        LiveBannerViewModel withClock = new LiveBannerViewModel(editor, api, new CurrentThreadTaskExecutor(),
                () -> "alice", later);
        withClock.presence(new Presence("bob", "subscriptions", "sub_1", Presence.EDITING, now.plusSeconds(30)));
        withClock.presence(new Presence("carol", "subscriptions", "sub_1", Presence.VIEWING, now.plusSeconds(60)));
        assertThat(withClock.getPresence()).isEqualTo("Bob is editing and Carol is viewing this record");

        withClock.expirePresence();

        assertThat(withClock.getPresence()).isEqualTo("Carol is viewing this record");
    }

    @Test
    void presenceLapsesOnTheServersCountNotByComparingClocks() {
        // This machine's clock runs 5 minutes ahead of the server's: by expiresAt every presence looks lapsed.
        Instant serverNow = Instant.parse("2026-11-29T06:00:00Z");
        MutableClock mine = new MutableClock(serverNow.plusSeconds(300));
        LiveBannerViewModel withClock = new LiveBannerViewModel(editor, api, new CurrentThreadTaskExecutor(),
                () -> "alice", mine);
        withClock.presence(new Presence("bob", "subscriptions", "sub_1", Presence.EDITING, serverNow.plusSeconds(30))
                .expiringFrom(serverNow));
        withClock.expirePresence();
        assertThat(withClock.getPresence()).as("30 s left as the server counts").isEqualTo("Bob is editing this record");

        mine.advance(java.time.Duration.ofSeconds(29));
        withClock.expirePresence();
        assertThat(withClock.getPresence()).isEqualTo("Bob is editing this record");
        mine.advance(java.time.Duration.ofSeconds(2));
        withClock.expirePresence();
        assertThat(withClock.getPresence()).isEmpty();
    }

    @Test
    void theTimeOfTheChangeStaysTrueAsTimePasses() {
        edit("customerName", "Ada King");
        bobWrites(Map.of("status", "paused"));
        assertThat(banner.getMessage()).isEqualTo("Bob changed status just now");

        clock.advance(java.time.Duration.ofSeconds(61));
        banner.tick();
        assertThat(banner.getMessage()).isEqualTo("Bob changed status 1 minute ago");

        clock.advance(java.time.Duration.ofMinutes(1));
        banner.tick();
        assertThat(banner.getMessage()).isEqualTo("Bob changed status 2 minutes ago");

        clock.advance(java.time.Duration.ofHours(3));
        banner.tick();
        assertThat(banner.getMessage()).isEqualTo("Bob changed status 3 hours ago");
    }

    @Test
    void theTimeIsCountedOnTheServersClockWhenThisMachinesIsOff() {
        // This machine's clock is 5 minutes behind the server's; the server stamps Bob's write with its own time.
        Instant serverNow = clock.instant();
        clock.advance(java.time.Duration.ofMinutes(-5));
        ServerTime time = new ServerTime(clock);
        LiveBannerViewModel skewed = new LiveBannerViewModel(editor, api, new CurrentThreadTaskExecutor(), () -> "alice",
                time);
        edit("customerName", "Ada King");
        Entity now = Records.next(api.current(base.kind(), base.id()), "bob", Map.of("status", "paused"));
        api.put(now);
        ChangeEvent write = new ChangeEvent(108, "subscriptions", "sub_1", 8, "bob", serverNow, "update",
                List.of("status"));
        time.sawStamp(write.at()); // as LiveConsole does for every event
        skewed.changed(write);
        assertThat(skewed.getMessage()).isEqualTo("Bob changed status just now");

        clock.advance(java.time.Duration.ofMinutes(2));
        skewed.tick();
        assertThat(skewed.getMessage()).as("not 'just now' until this machine's clock catches up")
                .isEqualTo("Bob changed status 2 minutes ago");

        // A clock ahead of the server's: a presence tells the server's time, and the change is not 5 minutes old.
        clock.advance(java.time.Duration.ofMinutes(10));
        time.saw(new Presence("carol", "subscriptions", "sub_1", Presence.VIEWING, serverNow.plusSeconds(150))
                .expiringFrom(serverNow.plusSeconds(120)));
        skewed.tick();
        assertThat(skewed.getMessage()).isEqualTo("Bob changed status 2 minutes ago");
    }

    @Test
    @dev.concord.testing.InLanguage("de")
    void inGermanTheVerbAgreesWithThePeople() {
        edit("customerName", "Ada King");
        bobWrites(Map.of("status", "paused"));
        assertThat(banner.getMessage()).isEqualTo("Bob hat Status gerade eben geändert");

        carolWritesNotes();
        clock.advance(java.time.Duration.ofMinutes(2));
        banner.tick();
        assertThat(banner.getMessage()).isEqualTo("Bob und Carol haben Status und Notizen vor 2 Minuten geändert");
    }

    @Test
    @dev.concord.testing.InLanguage("fr")
    void inFrench() {
        edit("customerName", "Ada King");
        bobWrites(Map.of("status", "paused"));
        carolWritesNotes();
        clock.advance(java.time.Duration.ofMinutes(1));
        banner.tick();
        assertThat(banner.getMessage()).isEqualTo("Bob et Carol ont modifié statut et notes il y a 1 minute");
    }

    @Test
    @dev.concord.testing.InLanguage("es")
    void inSpanish() {
        edit("customerName", "Ada King");
        bobWrites(Map.of("status", "paused"));
        assertThat(banner.getMessage()).isEqualTo("Bob cambió estado hace un momento");
        carolWritesNotes();
        clock.advance(java.time.Duration.ofMinutes(3));
        banner.tick();
        assertThat(banner.getMessage()).isEqualTo("Bob y Carol cambiaron estado y notas hace 3 minutos");
    }

    private void carolWritesNotes() {
        Entity now = Records.next(api.current(base.kind(), base.id()), "carol", Map.of("notes", "Carol's note."));
        api.put(now);
        banner.changed(event(now, "carol", Set.of("notes")));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends java.time.Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
