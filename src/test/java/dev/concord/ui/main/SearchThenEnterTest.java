package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.common.Theme;
import dev.concord.ui.testing.NoConflicts;
import dev.concord.ui.testing.QueuedTaskExecutor;
import dev.concord.ui.testing.Records;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * An agent types a search and presses Enter at once, before the server answered: Enter opens the first match
 * of what was typed, not the first row of the list shown before (seen by hand: "sub_0003" + Enter opened sub_0001).
 */
@ExtendWith(ApplicationExtension.class)
class SearchThenEnterTest {
    private final FakeConcordApi api = new FakeConcordApi("alice");
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage).forEach(w -> ((Stage) w).close()));
    }

    @Test
    void enterOpensTheFirstMatchOfWhatWasTypedEvenBeforeTheAnswer(FxRobot robot) {
        api.put(Records.subscription("sub_001", 1));
        api.put(Records.subscription("sub_002", 1));
        api.put(Records.subscription("sub_003", 1));
        ConsoleViewModel vm = new ConsoleViewModel(new ConsoleServices("http://fake", api, (base, mine) -> {
            throw new AssertionError("nothing is saved here");
        }, new NoConflicts(), executor));
        robot.interact(() -> ConsoleWindow.show(new Stage(), vm, ConflictUi.placeholder(), Theme.LIGHT, t -> { }));
        robot.interact(executor::finishAll);
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);

        robot.interact(() -> robot.lookup("#search-subscriptions").query().requestFocus());
        robot.write("sub_003").type(KeyCode.ENTER);
        assertThat(vm.getEditor()).as("the answer has not come yet: nothing opened").isNull();
        robot.interact(executor::finishAll);

        assertThat(vm.getEditor()).isNotNull();
        assertThat(vm.getEditor().getBase().id()).isEqualTo("sub_003");
    }
}
