package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.client.Page;
import dev.concord.domain.EntityKind;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.common.Theme;
import dev.concord.ui.main.ConsoleWindow;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.records.RowsPreview;
import dev.concord.ui.testing.Records;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's start order (issue 16): the first page's rows show in the window as a plain preview as soon
 * as the server answers, and the console is built after that frame; without rows in time, the console is
 * built as before.
 */
@ExtendWith(ApplicationExtension.class)
class StartOrderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final AtomicInteger builds = new AtomicInteger();
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        Theme.LIGHT.apply();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(stage::close);
    }

    private void shellThenPreview(FxRobot robot, CompletableFuture<Page> firstPage) {
        robot.interact(() -> {
            ConsoleWindow.showShell(stage, "Concord");
            StartOrder.previewRowsThenBuild(stage, firstPage, builds::incrementAndGet);
        });
    }

    @Test
    void theServersFirstRowsShowBeforeTheConsoleIsBuiltOnce(FxRobot robot) {
        api.put(Records.subscription("sub_001", 1));
        api.put(Records.subscription("sub_002", 3));
        CompletableFuture<Page> firstPage = new CompletableFuture<>();
        shellThenPreview(robot, firstPage);
        assertThat(builds.get()).isZero();

        firstPage.complete(api.list(EntityKind.SUBSCRIPTION, RecordListViewModel.firstPageQuery()));

        await().atMost(WAIT).until(() -> robot.lookup(".rows-preview").tryQuery().isPresent());
        Node preview = robot.lookup(".rows-preview").query();
        assertThat(preview).isInstanceOf(RowsPreview.class);
        assertThat(preview.getAccessibleText()).isEqualTo("Subscriptions");
        assertThat(robot.lookup(".rows-preview-cell").queryAllAs(Text.class)).extracting(Text::getText)
                .contains("sub_001", "sub_002", "v3");
        await().atMost(WAIT).until(() -> builds.get() == 1);
        robot.interact(() -> { });
        assertThat(builds.get()).isEqualTo(1);
    }

    @Test
    void aFailedFirstPageBuildsTheConsoleAtOnceWithoutAPreview(FxRobot robot) {
        shellThenPreview(robot, CompletableFuture.failedFuture(new java.io.IOException("refused")));

        await().atMost(WAIT).until(() -> builds.get() == 1);
        assertThat(robot.lookup(".rows-preview").tryQuery()).isEmpty();
    }

    @Test
    void withLargeTextTheStackedConsoleGetsItsRowsPreviewedToo(FxRobot robot) {
        // Where the rows go in the stacked layout is RowsPreviewPlacementTest's; here: they are previewed.
        api.put(Records.subscription("sub_001", 1));
        robot.interact(() -> dev.concord.ui.common.Appearance.shared().use(Theme.LIGHT, 200));
        try {
            shellThenPreview(robot, CompletableFuture.completedFuture(
                    api.list(EntityKind.SUBSCRIPTION, RecordListViewModel.firstPageQuery())));

            await().atMost(WAIT).until(() -> robot.lookup(".rows-preview").tryQuery().isPresent());
            assertThat(robot.lookup(".rows-preview-cell").queryAllAs(Text.class)).extracting(Text::getText)
                    .contains("sub_001");
            await().atMost(WAIT).until(() -> builds.get() == 1);
        } finally {
            robot.interact(() -> dev.concord.ui.common.Appearance.shared().use(Theme.LIGHT,
                    dev.concord.ui.common.Appearance.DEFAULT_TEXT_SIZE));
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTimeDoesNotHoldTheConsoleBack(FxRobot robot) {
        CompletableFuture<Page> never = new CompletableFuture<>();
        shellThenPreview(robot, never);

        await().atMost(WAIT).until(() -> builds.get() == 1);
        // The late answer is the console's to show now (its list asks with the same future), not the preview's.
        never.complete(api.list(EntityKind.SUBSCRIPTION, RecordListViewModel.firstPageQuery()));
        robot.interact(() -> { });
        assertThat(robot.lookup(".rows-preview").tryQuery()).isEmpty();
        assertThat(builds.get()).isEqualTo(1);
    }
}
