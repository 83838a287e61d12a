package dev.concord.ui.main;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.i18n.DomainWords;
import dev.concord.sync.LifecycleCoordinator;
import dev.concord.sync.RetireOutcome;
import dev.concord.ui.common.NoticeLevel;
import dev.concord.ui.common.People;
import dev.concord.ui.common.Problems;
import dev.concord.ui.common.TrackingTaskExecutor;
import dev.concord.ui.editor.EditorViewModel;
import dev.concord.ui.editor.NewRecords;
import dev.concord.ui.records.RecordListViewModel;
import dev.concord.ui.status.StatusBarViewModel;
import dev.concord.wording.DependentsWords;
import dev.concord.wording.ReasonWords;
import java.util.Map;

/**
 * File > Retire of the shown record: retires it at the version the agent sees, off the FX thread, and shows
 * each outcome (gone from list and editor, moved on by someone else, refused, unreachable).
 */
final class RecordRetirement {
    private final ConsoleServices services;
    private final TrackingTaskExecutor executor;
    private final ConsoleEditors editors;
    private final Map<EntityKind, RecordListViewModel> lists;
    private final StatusBarViewModel status;

    RecordRetirement(ConsoleServices services, TrackingTaskExecutor executor, ConsoleEditors editors,
                     Map<EntityKind, RecordListViewModel> lists, StatusBarViewModel status) {
        this.services = services;
        this.executor = executor;
        this.editors = editors;
        this.lists = lists;
        this.status = status;
    }

    /** Whether File > Retire applies: a saved record is open (a draft of File > New is not yet a record). */
    boolean applies() {
        return editors.shown() != null && !NewRecords.isDraft(editors.shown().getBase());
    }

    /** See {@link ConsoleViewModel#retireCurrent}. */
    void retireShown() {
        if (!applies()) {
            return;
        }
        EditorViewModel vm = editors.shown();
        Entity seen = vm.getBase();
        LifecycleCoordinator lifecycle = new LifecycleCoordinator(services.api());
        vm.tell(NoticeLevel.INFO, lang("retire.working"));
        executor.run(() -> lifecycle.retire(seen), outcome -> show(vm, seen, outcome),
                failure -> vm.tell(NoticeLevel.ERROR, lang("retire.notRetired", Problems.describe(failure))));
    }

    private void show(EditorViewModel vm, Entity seen, RetireOutcome outcome) {
        if (outcome instanceof RetireOutcome.Retired r) {
            editors.forget(vm, seen);
            status.showLiveStatus(lang("retire.done", DomainWords.singular(seen.kind()), seen.id(),
                    String.valueOf(r.deleted().version())));
        } else if (outcome instanceof RetireOutcome.AlreadyGone g) {
            editors.forget(vm, seen);
            status.showLiveStatus(lang("retire.alreadyGone", DomainWords.title(seen.kind()), seen.id()));
        } else if (outcome instanceof RetireOutcome.Stale stale) {
            vm.recordMoved(stale.current());
            lists.get(seen.kind()).replace(stale.current());
            vm.tell(NoticeLevel.WARNING, lang("retire.stale", People.displayName(stale.current().updatedBy()),
                    String.valueOf(seen.version()), String.valueOf(stale.current().version())));
        } else if (outcome instanceof RetireOutcome.Refused refused) {
            vm.tell(NoticeLevel.ERROR, lang("retire.notRetired", DependentsWords.of(refused)));
        } else if (outcome instanceof RetireOutcome.Unreachable u) {
            vm.tell(NoticeLevel.ERROR, lang("retire.notRetired", ReasonWords.of(u.reason())));
        }
    }
}
