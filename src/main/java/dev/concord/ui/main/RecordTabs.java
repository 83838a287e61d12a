package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.EntityKind;
import dev.concord.i18n.DomainWords;
import dev.concord.ui.records.RecordListView;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The console's left side: a tab with the record table of each kind, then the conflict inbox with its count;
 * each tab's content is built when first selected ({@link LazyTabContent}).
 */
final class RecordTabs {
    private final Map<EntityKind, RecordListView> lists = new EnumMap<>(EntityKind.class);
    private final TabPane pane = new TabPane();
    private final Tab conflictsTab = new Tab();
    private final StringBinding conflictsTabText;

    RecordTabs(ConsoleViewModel vm, ConflictUi conflictUi) {
        conflictsTabText = Bindings.createStringBinding(
                () -> lang("console.tab.conflicts", vm.status().conflictCountProperty().get()),
                vm.status().conflictCountProperty());
        for (EntityKind kind : EntityKind.values()) {
            RecordListView list = new RecordListView(vm.list(kind), vm::open);
            lists.put(kind, list);
            Tab tab = new Tab(DomainWords.plural(kind));
            tab.setId("tab-" + kind.path());
            LazyTabContent.onFirstSelection(tab, () -> list);
            pane.getTabs().add(tab);
        }
        conflictsTab.setId("tab-conflicts");
        LazyTabContent.onFirstSelection(conflictsTab, conflictUi::inboxView);
        conflictsTab.textProperty().bind(conflictsTabText);
        pane.getTabs().add(conflictsTab);
        pane.setId("kind-tabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    TabPane pane() {
        return pane;
    }

    void showKind(EntityKind kind) {
        pane.getSelectionModel().select(kind.ordinal());
    }

    void showConflicts() {
        pane.getSelectionModel().select(conflictsTab);
    }

    /** Puts the cursor into the search field of the table shown (none on the conflicts tab). */
    void focusSearch() {
        int index = pane.getSelectionModel().getSelectedIndex();
        if (index >= 0 && index < EntityKind.values().length) {
            lists.get(EntityKind.values()[index]).focusSearch();
        }
    }

    RecordListView list(EntityKind kind) {
        return lists.get(kind);
    }
}
