package dev.concord.ui.editor;

import static dev.concord.i18n.Localization.lang;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Edits a list of short strings as chips: each chip has a remove button; typing a word and pressing
 * Enter (or a comma) adds it. The value is an immutable list, replaced on every change.
 */
public final class TagEditor extends FlowPane {
    private final ObjectProperty<List<String>> tags = new SimpleObjectProperty<>(this, "tags", List.of());
    private final TextField entry = new TextField();

    public TagEditor(String idPrefix) {
        setHgap(6);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("tag-editor");
        entry.setId(idPrefix + "-entry");
        entry.setPromptText(lang("editor.tags.prompt"));
        entry.setPrefColumnCount(10);
        entry.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.COMMA) {
                addTyped();
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

    private void remove(String tag) {
        List<String> next = new ArrayList<>(tags.get());
        next.remove(tag);
        tags.set(List.copyOf(next));
    }

    private void rebuild() {
        List<javafx.scene.Node> chips = new ArrayList<>();
        for (String tag : tags.get() == null ? List.<String>of() : tags.get()) {
            Label text = new Label(tag);
            Button remove = new Button("\u00d7");
            remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "tag-remove");
            remove.setTooltip(new Tooltip(lang("editor.tags.remove", tag)));
            remove.setFocusTraversable(false);
            remove.setOnAction(e -> remove(tag));
            HBox chip = new HBox(2, text, remove);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("tag-chip");
            chips.add(chip);
        }
        chips.add(entry);
        getChildren().setAll(chips);
    }

    public ObjectProperty<List<String>> tagsProperty() {
        return tags;
    }
}
