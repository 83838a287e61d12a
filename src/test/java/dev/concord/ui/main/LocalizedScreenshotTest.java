package dev.concord.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.client.PatchCall;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.i18n.Localization;
import dev.concord.testing.ConsoleFixture;
import dev.concord.auth.SignInException;
import dev.concord.ui.connect.ConnectView;
import dev.concord.ui.connect.ConnectViewModel;
import dev.concord.wording.SignInWords;
import dev.concord.ui.conflict.ConflictDialog;
import dev.concord.ui.testing.AgentWindow;
import dev.concord.ui.testing.Screenshots;
import dev.concord.ui.testing.Truncation;
import dev.concord.ui.testing.UiKeys;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main journeys in German, French and Spanish on the demo data, at the default window size: open a record from
 * the list, edit and save it, then a conflict (someone else changed the same field) opens the merge dialog.
 * Every step is read in the language (the notice, the dialog's title), screenshots go to
 * {@code <window>-de.png} / {@code -fr.png} / {@code -es.png}, and no control's words are cut short: no label
 * or button ends in an ellipsis, no text field's prompt is wider than the field (see {@link Truncation}).
 */
class LocalizedScreenshotTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    static final ConsoleFixture console = ConsoleFixture.onDemoServer();
    private AgentWindow alice;

    @AfterEach
    void englishAgain() {
        Localization.use(Locale.ENGLISH);
        Localization.useZone(ZoneId.systemDefault());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"de, Gespeichert (v, Konflikt lösen:", "fr, Enregistré (v, Résoudre le conflit :",
            "es, Guardado (v, Resolver el conflicto:"})
    void editSaveAndConflictReadInTheLanguageAndNothingIsCutShort(String language, String saved, String dialogTitle,
                                                                   FxRobot robot) throws Exception {
        Localization.use(Locale.forLanguageTag(language));
        Localization.useZone(ZoneOffset.UTC);
        alice = console.open("demo-alice");

        TableView<?> table = robot.from(alice.root()).lookup("#table-subscriptions").queryAs(TableView.class);
        Label agent = robot.from(alice.root()).lookup("#status-agent").queryAs(Label.class);
        await().atMost(WAIT).until(() -> !table.getItems().isEmpty() && !agent.getText().isEmpty());
        UiKeys.clickRow(robot, alice.root(), "#table-subscriptions", 1);
        await().atMost(WAIT).until(() -> alice.vm.getEditor() != null);
        UiKeys.replaceText(robot, alice.root(), "#field-customerName", "Grace B. Hopper (" + language + ")");
        UiKeys.ctrl(robot, KeyCode.S);
        Label notice = robot.from(alice.root()).lookup("#notice").queryAs(Label.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(notice.getText()).startsWith(saved));
        assertNothingCutShort(alice.stage.getScene().getRoot());
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(alice.stage.getScene(), "main-window-" + language)).get();

        // Alice changes the name again; before she saves, Bob changes it on the server from the same version.
        Entity aliceHas = alice.vm.getEditor().getBase();
        UiKeys.replaceText(robot, alice.root(), "#field-customerName", "Grace Hopper (Alice, " + language + ")");
        new OkHttpConcordApi(console.serverUrl(), "demo-bob").patch(PatchCall.of(EntityKind.SUBSCRIPTION, aliceHas.id(),
                aliceHas.version(), Map.of("customerName", "Grace Hopper (Bob, " + language + ")"),
                UUID.randomUUID().toString()));
        UiKeys.ctrl(robot, KeyCode.S);
        await().atMost(WAIT).untilAsserted(() -> assertThat(robot.lookup("#conflictDialog").tryQuery()).isPresent());
        ConflictDialog dialog = robot.lookup("#conflictDialog").queryAs(ConflictDialog.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(dialog.getTitle()).startsWith(dialogTitle));
        // Over Alice's window, as she sees it.
        assertThat(dialog.getScene()).isSameAs(alice.stage.getScene());
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCutShort(dialog);
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(dialog.getScene(), "conflict-dialog-" + language)).get();
    }

    /** The first window a new agent meets: its labels, buttons and the token field's prompt fit in every language. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de", "fr", "es"})
    void theConnectScreenReadsWholeInEveryLanguage(String language, FxRobot robot) throws Exception {
        Localization.use(Locale.forLanguageTag(language));
        Stage connect = WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            // As ConnectFlow shows it.
            // With the longest sign-in failure it words shown under the buttons.
            String failed = SignInWords.of(new SignInException(SignInException.Reason.PROVIDER_SETTINGS_UNREADABLE,
                    "https://login.example.com/realms/support-team", null, false, "test", null));
            s.setScene(new Scene(ConnectView.scrolling(new ConnectViewModel(new NeverFinishingConnect(), "https://concord.example.com",
                    failed, Runnable::run)),
                    ConnectView.WINDOW_WIDTH, ConnectView.WINDOW_HEIGHT));
            s.show();
            return s;
        }).get();
        try {
            assertNothingCutShort(connect.getScene().getRoot());
            WaitForAsyncUtils.asyncFx(() -> Screenshots.write(connect.getScene(), "connect-failure-" + language)).get();
        } finally {
            robot.interact(connect::close);
        }
    }

    private static void assertNothingCutShort(Parent root) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            root.applyCss();
            root.layout();
            return Truncation.truncatedLabels(root);
        }).get();
        assertThat(cut).as("words cut short at the default window size in " + Localization.language()).isEmpty();
    }
}
