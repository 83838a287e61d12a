package dev.concord.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.PatchCall;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.testing.ConsoleFixture;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.testing.AgentWindow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * The console side of issue 14: the stream opens at the first list load's event mark, events reach only
 * their record's banner, editors and banners of records the agent left are dropped, and a reset reloads
 * what is shown and says so.
 */
class LiveConsoleRoutingTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onDemoServer();
    private AgentWindow alice;

    @BeforeEach
    void open(FxRobot robot) {
        alice = console.open("demo-alice");
        robot.interact(alice.vm::start);
    }

    private List<Entity> rows() {
        await().atMost(WAIT).until(() -> alice.vm.list(EntityKind.SUBSCRIPTION).items().size() >= 3);
        // The rows of the first page: the list keeps those records whole.
        var list = alice.vm.list(EntityKind.SUBSCRIPTION);
        return List.copyOf(list.items()).stream().map(r -> list.whole(r).orElseThrow()).toList();
    }

    private static void bobWrites(Entity record, String notes) {
        OkHttpConcordApi bob = new OkHttpConcordApi(console.serverUrl(), "demo-bob");
        Entity now = bob.get(record.kind(), record.id());
        bob.patch(PatchCall.of(record.kind(), record.id(), now.version(), Map.of("notes", notes), null));
    }

    @Test
    void theStreamOpensAtTheFirstListLoadsMark(FxRobot robot) {
        rows();
        await().atMost(WAIT).until(() -> alice.live.openedAfter() != null);
        Long listed = alice.vm.list(EntityKind.SUBSCRIPTION).firstEventMarkProperty().get();
        assertThat(alice.live.openedAfter()).isNotNull().isLessThanOrEqualTo(listed);
    }

    @Test
    void eventsReachOnlyTheirRecordsBannerAndLeftRecordsAreDropped(FxRobot robot) {
        List<Entity> rows = rows();
        Entity a = rows.get(0);
        Entity b = rows.get(1);
        Entity c = rows.get(2);
        robot.interact(() -> alice.vm.open(a));
        robot.interact(() -> alice.vm.open(b));
        assertThat(alice.vm.openEditors()).as("a held no edits: dropped").hasSize(1);
        EditorViewModel editingB = alice.vm.getEditor();
        @SuppressWarnings("unchecked")
        var notes = (dev.concord.ui.editor.FieldModel<String>) editingB.field("notes").orElseThrow();
        robot.interact(() -> notes.inputProperty().set("alice was here"));
        robot.interact(() -> alice.vm.open(c));
        assertThat(alice.vm.openEditors()).as("b holds edits: kept").hasSize(2);
        await().atMost(WAIT).until(() -> alice.live.bannerCount() == 2);
        LiveBannerViewModel bannerOfB = alice.live.banner(editingB);
        LiveBannerViewModel bannerOfC = alice.live.banner(alice.vm.getEditor());

        bobWrites(b, "bob on b");
        await().atMost(WAIT).until(() -> bannerOfB.getState() == LiveBannerViewModel.State.MOVED);
        assertThat(bannerOfB.getMessage()).startsWith("Bob changed notes");
        assertThat(bannerOfC.getState()).isEqualTo(LiveBannerViewModel.State.HIDDEN);

        robot.interact(() -> alice.vm.open(a));
        assertThat(alice.vm.openEditors()).as("c held no edits: dropped with its banner").hasSize(2);
        await().atMost(WAIT).until(() -> alice.live.bannerCount() == 2);
    }

    @Test
    void aResetReloadsTheListsAndOpenRecordsAndSaysSo(FxRobot robot) {
        Entity a = rows().get(0);
        robot.interact(() -> alice.vm.open(a));
        bobWrites(a, "bob, unseen by alice's stream");
        robot.interact(() -> alice.live.reset("Last-Event-ID 99 is ahead of the newest event"));
        assertThat(alice.vm.status().liveProperty().get())
                .isEqualTo("Live updates resumed after a gap: reloaded the lists and open records");
        await().atMost(WAIT).until(() -> alice.vm.getEditor().getBase().version() > a.version()
                || alice.vm.getEditor().movedOnServerProperty().get() != null);
        await().atMost(WAIT).until(() -> alice.vm.list(EntityKind.SUBSCRIPTION).items().stream()
                .anyMatch(e -> e.id().equals(a.id()) && e.version() > a.version()));
    }
}
