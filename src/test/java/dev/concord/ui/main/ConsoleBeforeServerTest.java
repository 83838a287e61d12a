package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.domain.EntityKind;
import dev.concord.ui.common.FxTaskExecutor;
import dev.concord.ui.common.Theme;
import dev.concord.ui.status.ConnectionState;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.testing.NoConflicts;
import dev.concord.ui.testing.Records;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window shows while the embedded server still starts, and loads once the server is ready. */
@ExtendWith(ApplicationExtension.class)
class ConsoleBeforeServerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final FxTaskExecutor executor = new FxTaskExecutor();
    private final CompletableFuture<Void> serverReady = new CompletableFuture<>();
    private ConsoleViewModel vm;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        api.put(Records.subscription("sub_001", 1));
        ConsoleServices services = new ConsoleServices("http://fake", api, (base, mine) -> {
            throw new AssertionError("nothing is saved here");
        }, new NoConflicts(), executor);
        Theme.LIGHT.apply();
        vm = new ConsoleViewModel(services);
        ConsoleWindow.show(stage, vm, ConflictUi.placeholder(), Theme.LIGHT, t -> { }, serverReady);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(stage::close);
        executor.close();
    }

    @Test
    void saysConnectingAndLoadingUntilTheServerIsReadyThenLoads(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        assertThat(stage.isShowing()).isTrue();
        assertThat(vm.status().connectionProperty().get()).isEqualTo(ConnectionState.CHECKING);
        assertThat(((Label) table.getPlaceholder()).getText()).isEqualTo("Loading subscriptions...");
        assertThat(api.listCalls()).isZero();

        serverReady.complete(null);

        await().atMost(WAIT).until(() -> table.getItems().size() == 1);
        await().atMost(WAIT).until(() -> vm.status().connectionProperty().get() == ConnectionState.CONNECTED);
        assertThat(vm.list(EntityKind.SUBSCRIPTION).answeredProperty().get()).isTrue();
    }
}
