package dev.concord.ui.common;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * How the console looks for this agent: the theme and the text size, for every window of the process (the
 * main window, conflict dialogs, the Connect screen, alerts) as each one opens. Both are process-wide,
 * as JavaFX's user-agent style sheet is, so there is one instance; FX thread only.
 *
 * <p>Text size scales the root font, which AtlantaFX sizes everything else from (em units): 14 px at 100%.
 */
public final class Appearance {
    /** The sizes Ctrl+Plus and Ctrl+Minus step through, in percent; 200% is what WCAG asks text to survive. */
    public static final List<Integer> TEXT_SIZES = List.of(80, 90, 100, 110, 125, 150, 175, 200);
    public static final int DEFAULT_TEXT_SIZE = 100;
    private static final double THEME_FONT_PX = 14;
    private static final String BASE_CSS = sheet("appearance.css");
    private static final String HIGH_CONTRAST_CSS = sheet("high-contrast.css");
    private static final String FOLLOWED = "concord.appearance.followed";

    private static Appearance shared;

    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyIntegerWrapper textSize = new ReadOnlyIntegerWrapper(this, "textSize", DEFAULT_TEXT_SIZE);
    private Consumer<Appearance> onChosen = a -> { };

    private Appearance() {
    }

    /** The process's appearance; the first call starts styling every window that opens. FX thread only. */
    public static Appearance shared() {
        if (shared == null) {
            shared = new Appearance();
            shared.followWindows();
        }
        return shared;
    }

    /** Sets what the settings say, without telling {@link #setOnChosen} (nothing was chosen). */
    public void use(Theme newTheme, int percent) {
        newTheme.apply();
        theme.set(Objects.requireNonNull(newTheme));
        textSize.set(nearestSize(percent));
    }

    /** Called after the agent changes theme or text size, to remember it. */
    public void setOnChosen(Consumer<Appearance> onChosen) {
        this.onChosen = Objects.requireNonNull(onChosen);
    }

    public void chooseTheme(Theme chosen) {
        if (chosen != theme.get()) {
            chosen.apply();
            theme.set(chosen);
            onChosen.accept(this);
        }
    }

    /** One step larger (Ctrl+Plus); at the largest size, nothing. */
    public void larger() {
        int i = TEXT_SIZES.indexOf(textSize.get());
        chooseSize(TEXT_SIZES.get(Math.min(TEXT_SIZES.size() - 1, i + 1)));
    }

    /** One step smaller (Ctrl+Minus). */
    public void smaller() {
        int i = TEXT_SIZES.indexOf(textSize.get());
        chooseSize(TEXT_SIZES.get(Math.max(0, i - 1)));
    }

    /** Back to 100% (Ctrl+0). */
    public void actualSize() {
        chooseSize(DEFAULT_TEXT_SIZE);
    }

    private void chooseSize(int percent) {
        if (percent != textSize.get()) {
            textSize.set(percent);
            onChosen.accept(this);
        }
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme getTheme() {
        return theme.get();
    }

    /** Text size in percent of the theme's, one of {@link #TEXT_SIZES}. */
    public ReadOnlyIntegerProperty textSizeProperty() {
        return textSize.getReadOnlyProperty();
    }

    public int getTextSize() {
        return textSize.get();
    }

    /**
     * Ctrl+Plus (also Ctrl+= and the keypad's plus, since plus is a shifted key on many layouts), Ctrl+Minus
     * and Ctrl+0 in {@code scene}. Windows with a menu bar show the same commands in View.
     */
    public void installShortcuts(Scene scene) {
        var accelerators = scene.getAccelerators();
        for (KeyCombination larger : LARGER) {
            accelerators.put(larger, this::larger);
        }
        for (KeyCombination smaller : SMALLER) {
            accelerators.put(smaller, this::smaller);
        }
        for (KeyCombination actual : ACTUAL) {
            accelerators.put(actual, this::actualSize);
        }
    }

    /** Whether {@code e} is one of the text size keys {@link #installShortcuts} puts in a scene. */
    public static boolean isTextSizeKey(javafx.scene.input.KeyEvent e) {
        return java.util.stream.Stream.of(LARGER, SMALLER, ACTUAL).flatMap(List::stream).anyMatch(k -> k.match(e));
    }

    /** The shortcuts as a menu shows them. */
    public static final KeyCombination LARGER_KEY = new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SMALLER_KEY = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination ACTUAL_KEY = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    private static final List<KeyCombination> LARGER = List.of(LARGER_KEY,
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
    private static final List<KeyCombination> SMALLER = List.of(SMALLER_KEY,
            new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
    private static final List<KeyCombination> ACTUAL = List.of(ACTUAL_KEY,
            new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN));

    private void followWindows() {
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::follow);
            }
        });
        Window.getWindows().forEach(this::follow);
        theme.addListener((obs, old, now) -> Window.getWindows().forEach(w -> style(w.getScene())));
        textSize.addListener((obs, old, now) -> Window.getWindows().forEach(w -> style(w.getScene())));
    }

    private void follow(Window window) {
        // Popups (menus, tooltips, choice lists) take their styles from their owner's scene.
        if (window instanceof PopupWindow || window.getProperties().containsKey(FOLLOWED)) {
            style(window.getScene());
            return;
        }
        window.getProperties().put(FOLLOWED, Boolean.TRUE);
        window.sceneProperty().addListener((obs, old, scene) -> style(scene));
        style(window.getScene());
    }

    /** Puts the look on one scene: the shared sheets, and the root font size. */
    void style(Scene scene) {
        if (scene == null) {
            return;
        }
        if (scene.getProperties().putIfAbsent(FOLLOWED, Boolean.TRUE) == null) {
            // A scene whose root is replaced (the Connect screen's does) styles the new root too.
            scene.rootProperty().addListener((obs, old, now) -> style(scene));
        }
        var sheets = scene.getStylesheets();
        if (!sheets.contains(BASE_CSS)) {
            sheets.add(BASE_CSS);
        }
        boolean high = theme.get() == Theme.HIGH_CONTRAST;
        if (high && !sheets.contains(HIGH_CONTRAST_CSS)) {
            sheets.add(HIGH_CONTRAST_CSS);
        } else if (!high) {
            sheets.remove(HIGH_CONTRAST_CSS);
        }
        Parent root = scene.getRoot();
        if (root != null) {
            root.setStyle(withFontSize(root.getStyle(), THEME_FONT_PX * textSize.get() / 100.0));
        }
    }

    /** {@code style} with its font size replaced by {@code px} (other declarations kept). */
    static String withFontSize(String style, double px) {
        String rest = style == null ? "" : style.replaceAll("-fx-font-size:\\s*[^;]*;?\\s*", "").trim();
        String size = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px);
        return rest.isEmpty() ? size : size + " " + rest;
    }

    /** The listed size nearest to {@code percent} (a hand-edited setting may hold any number). */
    static int nearestSize(int percent) {
        int best = DEFAULT_TEXT_SIZE;
        for (int s : TEXT_SIZES) {
            if (Math.abs(s - percent) < Math.abs(best - percent)) {
                best = s;
            }
        }
        return best;
    }

    private static String sheet(String name) {
        return Objects.requireNonNull(Appearance.class.getResource("/dev/concord/ui/common/" + name), name)
                .toExternalForm();
    }
}
