package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.ui.editor.EditorViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks before File > Retire: retiring hides the record from every agent, so it is asked once, naming the record
 * and any unsaved edits it drops.
 */
final class RetireConfirmation {
    private RetireConfirmation() {
    }

    /** Asks (owned by {@code owner}, if any) and retires the shown record if the agent agrees. FX thread. */
    static void ask(Window owner, ConsoleViewModel vm) {
        if (!vm.canRetireCurrent()) {
            return;
        }
        EditorViewModel editor = vm.getEditor();
        ButtonType retire = new ButtonType(lang("retire.button"), ButtonBar.ButtonData.OK_DONE);
        // Our own Cancel: JavaFX words its ButtonType.CANCEL in the machine's language, not the agent's.
        ButtonType cancel = new ButtonType(lang("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, editor.isDirty() ? lang("retire.contentUnsaved")
                : lang("retire.content"), cancel, retire);
        ask.setTitle(lang("retire.title"));
        ask.setHeaderText(lang("retire.header", editor.titleProperty().get(),
                String.valueOf(editor.getBase().version())));
        ask.getDialogPane().setId("retire-confirm");
        if (owner != null) {
            ask.initOwner(owner);
        }
        ask.showAndWait().filter(retire::equals).ifPresent(b -> vm.retireCurrent());
    }
}
