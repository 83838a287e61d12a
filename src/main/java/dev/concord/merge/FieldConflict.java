package dev.concord.merge;

import java.util.List;

/**
 * A field both sides changed to different values. Values are canonical (see FieldSpec).
 * For long text, {@code textHunks} holds the overlapping regions (empty for other types).
 */
public record FieldConflict(String field, Object base, Object mine, Object theirs, List<TextHunk> textHunks) {
    public FieldConflict {
        textHunks = textHunks == null ? List.of() : List.copyOf(textHunks);
    }
}
