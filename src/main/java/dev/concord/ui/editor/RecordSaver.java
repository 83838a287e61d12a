package dev.concord.ui.editor;

import dev.concord.domain.Entity;
import dev.concord.domain.FieldValues;
import dev.concord.sync.SaveOutcome;

/** Saves an agent's edit; in the console this is {@code RetryCoordinator::save}. Blocking. */
@FunctionalInterface
public interface RecordSaver {
    SaveOutcome save(Entity base, FieldValues mine);
}
