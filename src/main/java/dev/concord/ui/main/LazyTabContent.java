package dev.concord.ui.main;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * Puts a tab's content into it when it is first selected: a tab nobody has looked at yet costs no styling, skins
 * or layout before the window first shows (start-up time). Its view model works either way.
 */
final class LazyTabContent {
    private LazyTabContent() {
    }

    static void onFirstSelection(Tab tab, Supplier<Node> content) {
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content.get());
                }
            }
        });
    }
}
