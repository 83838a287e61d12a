package dev.concord.ui.status;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Server, agent, connection, busy indicator and the unresolved-conflict count (a link to the inbox). */
public final class StatusBarView extends HBox {
    private final StringBinding connectionText;
    private final StringBinding conflictText;
    private final StringBinding pendingText;

    public StatusBarView(StatusBarViewModel vm, Runnable showConflicts) {
        setId("status-bar");
        getStyleClass().add("status-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));

        Label server = new Label();
        server.setId("status-server");
        server.textProperty().bind(vm.serverProperty());
        Label agent = new Label();
        agent.setId("status-agent");
        agent.textProperty().bind(vm.agentProperty());
        Label connection = new Label();
        connection.setId("status-connection");
        connectionText = Bindings.createStringBinding(() -> vm.connectionProperty().get().label(),
                vm.connectionProperty());
        connection.textProperty().bind(connectionText);
        vm.connectionProperty().addListener((obs, old, now) -> styleConnection(connection, now));
        styleConnection(connection, vm.connectionProperty().get());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());

        Hyperlink conflicts = new Hyperlink();
        conflicts.setId("status-conflicts");
        conflictText = Bindings.createStringBinding(() -> lang("status.conflicts", vm.getConflictCount()),
                vm.conflictCountProperty());
        conflicts.textProperty().bind(conflictText);
        vm.conflictCountProperty().addListener((obs, old, now) -> styleCount(conflicts, now.intValue()));
        styleCount(conflicts, vm.getConflictCount());
        conflicts.setOnAction(e -> showConflicts.run());
        Label pending = new Label();
        pending.setId("status-pending");
        pendingText = Bindings.createStringBinding(() -> vm.pendingCountProperty().get() == 0 ? ""
                : lang("status.pending", vm.pendingCountProperty().get()), vm.pendingCountProperty());
        pending.textProperty().bind(pendingText);
        pending.getStyleClass().add(Styles.WARNING);

        Label live = new Label();
        live.setId("status-live");
        live.getStyleClass().add(Styles.TEXT_MUTED);
        live.textProperty().bind(vm.liveProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(server, new Separator(javafx.geometry.Orientation.VERTICAL), agent,
                new Separator(javafx.geometry.Orientation.VERTICAL), connection, busy, live, spacer, pending, conflicts);
    }

    private static void styleConnection(Label label, ConnectionState state) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
        label.getStyleClass().add(switch (state) {
            case CONNECTED -> Styles.SUCCESS;
            case UNREACHABLE -> Styles.DANGER;
            case CHECKING -> Styles.TEXT_MUTED;
        });
    }

    private static void styleCount(Hyperlink link, int count) {
        link.getStyleClass().remove(Styles.DANGER);
        if (count > 0) {
            link.getStyleClass().add(Styles.DANGER);
        }
    }
}
