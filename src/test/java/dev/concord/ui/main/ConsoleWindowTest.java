package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.domain.EntityKind;
import dev.concord.testing.ConsoleFixture;
import dev.concord.testing.FakeConcordApi;
import dev.concord.ui.history.HistoryRow;
import dev.concord.ui.testing.Records;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import dev.concord.ui.testing.UiKeys;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The main window driven with real clicks and keys against an in-memory service. */
@SuppressWarnings("unchecked")
class ConsoleWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onFake();
    private FakeConcordApi api;

    @BeforeEach
    void open() {
        api = console.fake();
        for (int i = 1; i <= 3; i++) {
            api.put(Records.subscription("sub_00" + i, 1));
        }
        api.put(Records.plan("plan_basic", 3));
        console.showOnFake();
    }

    private void openFirstRow(FxRobot robot) {
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> table.getItems().size() == 3);
        UiKeys.clickRow(robot, robot.lookup("#console").query(), "#table-subscriptions", 0);
        assertThat(robot.lookup("#editor-title").queryAs(Label.class).getText()).isEqualTo("Subscription sub_001");
    }

    @Test
    void showsTheAgentAndTheTableOfSubscriptions(FxRobot robot) {
        Label agent = robot.lookup("#status-agent").queryAs(Label.class);
        await().atMost(WAIT).until(() -> "Alice (agent)".equals(agent.getText()));
        openFirstRow(robot);
    }

    @Test
    void editingNotesAndPressingCtrlSSavesAndShowsTheNewVersion(FxRobot robot) {
        openFirstRow(robot);
        UiKeys.replaceText(robot, "#field-notes", "Refund promised");
        assertThat(robot.lookup("#editor-dirty").queryAs(Label.class).isVisible()).isTrue();

        UiKeys.ctrl(robot, KeyCode.S);

        Label notice = robot.lookup("#notice").queryAs(Label.class);
        await().atMost(WAIT).until(() -> "Saved (v2)".equals(notice.getText()));
        assertThat(api.current(EntityKind.SUBSCRIPTION, "sub_001").values().get("notes")).isEqualTo("Refund promised");
        assertThat(robot.lookup("#editor-dirty").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void theHistoryTabShowsTheSavedChangeWithWhoMadeIt(FxRobot robot) {
        openFirstRow(robot);
        UiKeys.replaceText(robot, "#field-notes", "Refund promised");
        UiKeys.ctrl(robot, KeyCode.S);
        Label notice = robot.lookup("#notice").queryAs(Label.class);
        await().atMost(WAIT).until(() -> "Saved (v2)".equals(notice.getText()));

        // With the focus still in the notes: the shortcut must open the history and leave the text alone.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).press(KeyCode.H).release(KeyCode.H)
                .release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#field-notes").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("Refund promised");

        TableView<HistoryRow> history = robot.lookup("#history-table").queryAs(TableView.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(history.getItems())
                .extracting(HistoryRow::version, HistoryRow::who, HistoryRow::field, HistoryRow::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "Alice", "Notes", "Refund promised")));
        assertThat(robot.lookup("#history-table").queryAs(TableView.class).isVisible()).isTrue();
    }

    @Test
    void plansOpenInTheSameEditorBuiltFromTheirFields(FxRobot robot) {
        UiKeys.ctrl(robot, KeyCode.DIGIT2);
        TableView<?> plans = robot.lookup("#table-plans").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> plans.getItems().size() == 1);
        UiKeys.clickRow(robot, robot.lookup("#console").query(), "#table-plans", 0);
        assertThat(robot.lookup("#editor-title").queryAs(Label.class).getText()).isEqualTo("Plan plan_basic");

        robot.clickOn("#field-features-entry").write("SSO");
        robot.type(KeyCode.ENTER);
        UiKeys.ctrl(robot, KeyCode.S);

        Label notice = robot.lookup("#notice").queryAs(Label.class);
        await().atMost(WAIT).until(() -> "Saved (v4)".equals(notice.getText()));
        assertThat(api.current(EntityKind.PLAN, "plan_basic").values().get("features"))
                .isEqualTo(List.of("Email support", "1 seat", "SSO"));
    }

    @Test
    void findOpenEditAndSaveWithTheKeyboardOnly(FxRobot robot) {
        TableView<?> table = robot.lookup("#table-subscriptions").queryAs(TableView.class);
        await().atMost(WAIT).until(() -> table.getItems().size() == 3);

        UiKeys.ctrl(robot, KeyCode.F);
        robot.write("sub_002");
        await().atMost(WAIT).until(() -> table.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#editor-title").queryAs(Label.class).getText()).isEqualTo("Subscription sub_002");
        UiKeys.ctrl(robot, KeyCode.E);
        UiKeys.ctrl(robot, KeyCode.A);
        robot.write("Ada King");
        UiKeys.ctrl(robot, KeyCode.S);

        Label notice = robot.lookup("#notice").queryAs(Label.class);
        await().atMost(WAIT).until(() -> "Saved (v2)".equals(notice.getText()));
        assertThat(api.current(EntityKind.SUBSCRIPTION, "sub_002").values().get("customerName")).isEqualTo("Ada King");
    }

    @Test
    void escapeRevertsTheEdit(FxRobot robot) {
        openFirstRow(robot);
        robot.clickOn("#field-notes").write(" More.");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#field-notes").queryAs(TextArea.class).getText()).isEqualTo("Called on Monday.");
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void negativeAmountAndBadCurrencyAreRefusedAtTheFieldAndNeverSent(FxRobot robot) {
        openFirstRow(robot);
        UiKeys.replaceText(robot, "#field-amount", "-5");
        UiKeys.replaceText(robot, "#field-currency", "euro");

        assertThat(robot.lookup("#error-amount").queryAs(Label.class).getText()).isEqualTo("Amount must not be negative");
        assertThat(robot.lookup("#error-currency").queryAs(Label.class).getText())
                .isEqualTo("Currency must be a three-letter ISO 4217 currency code in capitals, such as EUR");
        assertThat(robot.lookup("#save").queryAs(Button.class).isDisabled()).isTrue();

        UiKeys.ctrl(robot, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).isEqualTo("Fix the marked fields before saving");
        assertThat(api.patches()).isEmpty();
        assertThat(api.current(EntityKind.SUBSCRIPTION, "sub_001").values().get("amount"))
                .isEqualTo(new BigDecimal("19.90"));
    }
}
