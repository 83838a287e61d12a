package dev.concord.ui.conflict;

import dev.concord.sync.Conflict;
import java.util.Map;

/**
 * The notes merges of a conflict, built before its dialog opens ({@link #of}, off the FX thread): the dialog
 * then opens with its rows filled and merges nothing on the FX thread.
 */
public record PreparedNotes(Conflict conflict, Map<String, TextMergeModel> models) {
    public PreparedNotes {
        models = Map.copyOf(models);
    }

    /**
     * Builds the notes merges of {@code conflict}: a three-way merge and a diff per hunk, which on long or
     * reordered notes takes a while, so call it off the FX thread.
     */
    public static PreparedNotes of(Conflict conflict) {
        return new PreparedNotes(conflict, NotesModels.of(conflict));
    }
}
