package dev.concord.ui.conflict;

import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import dev.concord.domain.InvalidFieldValueException;
import dev.concord.i18n.DomainWords;
import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One field of a conflict: the original, yours, theirs and the result, and where the result comes from.
 * The result text is writable (the person may type); everything else changes through the dialog's commands.
 */
public final class FieldRow {
    private final FieldSpec spec;
    private final ReadOnlyStringWrapper baseText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mineText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper theirsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper conflicting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper changedAgain = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Decision> decision = new ReadOnlyObjectWrapper<>(Decision.MERGED);
    private final StringProperty resultText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TextMergeModel> textMerge = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding settled;
    private Object base;
    private Object mine;
    private Object theirs;
    private Object merged;
    private Object result;
    // Set while a command writes the result text, so only the person's typing counts as an edit.
    private boolean applying;

    FieldRow(FieldSpec spec) {
        this.spec = spec;
        resultText.addListener((obs, old, text) -> {
            if (!applying) {
                typed(text);
            }
        });
        settled = decision.isNotEqualTo(Decision.UNDECIDED).and(error.isEmpty());
    }

    /**
     * Fills the row from a conflict; with {@code keep}, a decision still meaningful under the new theirs
     * survives. {@code prepared} is the notes merge of these three values, built off the FX thread (null:
     * build it here if needed).
     */
    void load(Object base, Object mine, Object theirs, Object merged, boolean conflicting, boolean keep,
              TextMergeModel prepared) {
        boolean theirsMoved = keep && !Objects.equals(this.theirs, theirs);
        Decision previous = decision.get();
        String previousText = resultText.get();
        TextMergeModel previousMerge = textMerge.get();
        this.base = base;
        this.mine = mine;
        this.theirs = theirs;
        this.merged = merged;
        baseText.set(FieldText.show(spec, base));
        mineText.set(FieldText.show(spec, mine));
        theirsText.set(FieldText.show(spec, theirs));
        this.conflicting.set(conflicting);
        changed.set(conflicting || !Objects.equals(base, mine) || !Objects.equals(base, theirs));
        changedAgain.set(theirsMoved);
        boolean longText = conflicting && spec.type() == FieldType.LONG_TEXT;
        boolean newModel = longText && (!keep || previousMerge == null || theirsMoved);
        textMerge.set(!longText ? null : !newModel ? previousMerge
                : prepared != null ? prepared : new TextMergeModel(str(base), str(mine), str(theirs)));
        if (keep && previous == Decision.MINE) {
            takeMine();
        } else if (keep && previous == Decision.EDITED) {
            typed(previousText);
        } else if (keep && !theirsMoved && (previous == Decision.THEIRS || previous == Decision.COMBINED)) {
            apply(previous, previous == Decision.THEIRS ? theirs : result);
        } else {
            useDefault();
        }
    }

    private void useDefault() {
        TextMergeModel model = textMerge.get();
        if (model != null) {
            apply(model.decision(), model.mergedText());
        } else {
            apply(conflicting.get() ? Decision.UNDECIDED : Decision.MERGED, merged);
        }
    }

    void takeMine() {
        if (textMerge.get() != null) {
            textMerge.get().chooseAll(HunkChoice.MINE);
        }
        apply(Decision.MINE, mine);
    }

    void takeTheirs() {
        if (textMerge.get() != null) {
            textMerge.get().chooseAll(HunkChoice.THEIRS);
        }
        apply(Decision.THEIRS, theirs);
    }

    /** Back to the automatic merge; a true conflict stays undecided, except text hunks only one side changed. */
    void takeMerged() {
        TextMergeModel model = textMerge.get();
        if (model != null) {
            model.chooseNonConflicting();
            apply(model.decision(), model.mergedText());
        } else if (!conflicting.get()) {
            apply(Decision.MERGED, merged);
        }
    }

    void takeHunk(int hunk, HunkChoice choice) {
        TextMergeModel model = textMerge.get();
        if (model == null) {
            throw new IllegalStateException(spec.name() + " has no text hunks");
        }
        model.choose(hunk, choice);
        apply(model.decision(), model.mergedText());
    }

    /** A refusal from the server for this field: shown at the row until the person changes it. */
    void reject(String message) {
        error.set(message);
    }

    private void apply(Decision d, Object value) {
        applying = true;
        try {
            result = value;
            resultText.set(FieldText.show(spec, value));
            error.set("");
            decision.set(d);
        } finally {
            applying = false;
        }
    }

    private void typed(String text) {
        decision.set(Decision.EDITED);
        try {
            result = FieldText.parse(spec, text);
            error.set("");
        } catch (InvalidFieldValueException e) {
            error.set(DomainWords.invalid(e));
        }
    }

    private static String str(Object o) {
        return o == null ? "" : (String) o;
    }

    public FieldSpec spec() {
        return spec;
    }

    public String field() {
        return spec.name();
    }

    Object result() {
        return result;
    }

    public ReadOnlyStringProperty baseTextProperty() {
        return baseText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mineTextProperty() {
        return mineText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty theirsTextProperty() {
        return theirsText.getReadOnlyProperty();
    }

    /** True when both sides changed this field differently: a person must decide. */
    public ReadOnlyBooleanProperty conflictingProperty() {
        return conflicting.getReadOnlyProperty();
    }

    public boolean isConflicting() {
        return conflicting.get();
    }

    /** True when either side changed this field; unchanged fields are hidden unless all are shown. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public boolean isChanged() {
        return changed.get();
    }

    /** True when theirs' value moved again since the dialog opened (after a refresh). */
    public ReadOnlyBooleanProperty changedAgainProperty() {
        return changedAgain.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Decision> decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    public Decision getDecision() {
        return decision.get();
    }

    /** The result as text; typing here makes the result an edit, validated like the editor's fields. */
    public StringProperty resultTextProperty() {
        return resultText;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String getError() {
        return error.get();
    }

    /** Decided and valid. */
    public BooleanBinding settledBinding() {
        return settled;
    }

    /** The notes merge for a long-text field both sides changed; null otherwise. */
    public ReadOnlyObjectProperty<TextMergeModel> textMergeProperty() {
        return textMerge.getReadOnlyProperty();
    }

    public TextMergeModel getTextMerge() {
        return textMerge.get();
    }
}
