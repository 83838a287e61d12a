package dev.concord.ui.conflict;

import dev.concord.domain.FieldValues;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;

/**
 * Writes a person's resolution of a stored conflict. Blocking; the view model calls it off the FX thread.
 * In the console this is {@link RetryCoordinator#resolve}; tests pass a scripted one.
 */
@FunctionalInterface
public interface ResolutionSaver {
    SaveOutcome resolve(String conflictId, FieldValues resolution);
}
