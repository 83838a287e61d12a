package dev.concord.ui.editor;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import dev.concord.ui.common.A11y;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Edits a list of short strings as chips: each chip has a remove button; typing a word and pressing
 * Enter (or a comma) adds it. By keyboard, each chip is a Tab stop and Delete (or Backspace) removes the
 * focused one; Backspace in the empty entry goes to the last chip. The value is an immutable list, replaced
 * on every change.
 */
public final class TagEditor extends FlowPane {
    private final ObjectProperty<List<String>> tags = new SimpleObjectProperty<>(this, "tags", List.of());
    private final TextField entry = new TextField();
    private final String idPrefix;
    private final String fieldName;

    /** {@code fieldName} (the field's label, "Tags") names the entry and the chips for screen readers. */
    public TagEditor(String idPrefix, String fieldName) {
        setHgap(6);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("tag-editor");
        this.idPrefix = idPrefix;
        this.fieldName = fieldName;
        entry.setId(idPrefix + "-entry");
        A11y.name(entry, lang("a11y.tagEntry", fieldName));
        entry.setAccessibleHelp(lang("a11y.tagEntryHelp"));
        entry.setPromptText(lang("editor.tags.prompt"));
        entry.setPrefColumnCount(10);
        entry.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.COMMA) {
                addTyped();
                e.consume();
            } else if (e.getCode() == KeyCode.BACK_SPACE && entry.getText().isEmpty() && !tags.get().isEmpty()) {
                focusChip(tags.get().size() - 1);
                e.consume();
            }
        });
        tags.addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    private void addTyped() {
        String word = entry.getText().replace(",", "").trim();
        entry.clear();
        if (word.isEmpty() || tags.get().contains(word)) {
            return;
        }
        List<String> next = new ArrayList<>(tags.get());
        next.add(word);
        tags.set(List.copyOf(next));
    }

    /** Removes {@code tag}; with {@code keepFocus}, the focus goes to the chip that took its place, or the entry. */
    private void remove(String tag, boolean keepFocus) {
        List<String> next = new ArrayList<>(tags.get());
        int at = next.indexOf(tag);
        next.remove(tag);
        tags.set(List.copyOf(next));
        if (keepFocus) {
            if (next.isEmpty()) {
                entry.requestFocus();
            } else {
                focusChip(Math.min(at, next.size() - 1));
            }
        }
    }

    private void focusChip(int index) {
        getChildren().get(index).requestFocus();
    }

    private void rebuild() {
        List<javafx.scene.Node> chips = new ArrayList<>();
        for (String tag : tags.get() == null ? List.<String>of() : tags.get()) {
            chips.add(chip(tag));
        }
        chips.add(entry);
        getChildren().setAll(chips);
    }

    /**
     * A chip is one Tab stop, read as "Tag vip" with how to remove it; its × button is for the mouse only, so
     * the keyboard does not stop twice per tag.
     */
    private HBox chip(String tag) {
        Label text = new Label(tag);
        Button remove = new Button("\u00d7");
        remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "tag-remove");
        remove.setTooltip(new Tooltip(lang("editor.tags.remove", tag)));
        remove.setFocusTraversable(false);
        remove.setOnAction(e -> remove(tag, false));
        HBox chip = new HBox(2, text, remove);
        chip.setId(idPrefix + "-chip-" + tag);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("tag-chip");
        chip.setFocusTraversable(true);
        chip.setAccessibleRole(AccessibleRole.BUTTON);
        A11y.describe(chip, lang("a11y.nameAndValue", fieldName, tag), lang("a11y.chipHelp"));
        chip.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                remove(tag, true);
                e.consume();
            }
        });
        chip.setOnMouseClicked(e -> chip.requestFocus());
        return chip;
    }

    public ObjectProperty<List<String>> tagsProperty() {
        return tags;
    }
}
