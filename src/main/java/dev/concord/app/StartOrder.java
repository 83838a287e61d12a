package dev.concord.app;

import dev.concord.domain.EntityKind;
import dev.concord.ui.conflict.DialogWarmUp;
import dev.concord.ui.main.ConsoleViewModel;
import dev.concord.ui.main.ConsoleWindow;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

/**
 * The order of the console's start, so that the agent sees its rows as early as the server answers: the
 * conflict dialog's warm-up (FX-thread work, over a second on a loaded machine) and the window's icons (six
 * PNGs decoded and scaled on the FX thread, ~40 ms) wait until the list has shown its first rows instead of
 * running right after the first frame, where they delayed them.
 */
final class StartOrder {
    private StartOrder() {
    }

    /** Warms the conflict dialog up once the subscription list has its first answer on screen. FX thread. */
    static void warmUpDialogAfterFirstRows(Stage stage, ConsoleViewModel vm) {
        var answered = vm.list(EntityKind.SUBSCRIPTION).answeredProperty();
        if (answered.get()) {
            afterRows(stage);
            return;
        }
        answered.addListener(new ChangeListener<Boolean>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    afterRows(stage);
                }
            }
        });
    }

    /** The rows' answer is in: they are laid out in the next pulse; the icons and the warm-up come after it. */
    private static void afterRows(Stage stage) {
        ConsoleWindow.afterFirstPulse(stage.getScene(), () -> WindowIdentity.setIcons(stage));
        DialogWarmUp.afterFirstPulse(stage.getScene());
    }
}
