package dev.concord.app;

import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.Theme;
import dev.concord.ui.common.WindowBounds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the installed console remembers in {@code console.json} (server and how it connected, theme, text size,
 * language), read once at the start and saved whenever one of them changes, off the FX thread. A failure to save
 * is logged, not fatal: the console works on with what it has.
 */
final class InstalledSettings {
    private static final Logger LOG = LoggerFactory.getLogger(InstalledSettings.class);
    private final SettingsFile file;
    private final Executor background;
    private volatile ConsoleSettings settings;

    InstalledSettings(Path home, Executor background) {
        this.file = new SettingsFile(home.resolve("console.json"));
        this.settings = file.load();
        this.background = background;
    }

    ConsoleSettings current() {
        return settings;
    }

    /**
     * The saved theme and text size, applied; a change the agent makes (View menu, Ctrl+Plus) is saved off
     * the FX thread.
     */
    Appearance appearance() {
        Appearance appearance = Appearance.shared();
        ConsoleSettings now = settings;
        appearance.use(Theme.fromSetting(now.theme() == null ? Theme.LIGHT.settingName() : now.theme()),
                now.textSize() == null ? Appearance.DEFAULT_TEXT_SIZE : now.textSize());
        appearance.setOnChosen(chosen -> {
            String theme = chosen.getTheme().settingName();
            int textSize = chosen.getTextSize();
            background.execute(() -> save(settings.withAppearance(theme, textSize)));
        });
        return appearance;
    }

    /** Saves the language chosen in the View menu, off the FX thread. */
    void rememberLanguage(String tag) {
        background.execute(() -> save(settings.withLanguage(tag)));
    }

    /** Saves the server and how it was connected to ({@code sign-in}, {@code token}, or null after Sign out). Blocking. */
    void rememberConnection(String server, String mode) {
        save(settings.withConnection(server, mode));
    }

    /** Keeps where the console's window is, saved off the FX thread. */
    void rememberWindow(WindowBounds window) {
        background.execute(() -> save(settings.withWindow(window)));
    }

    /** Saves where the console's window was, on the calling thread (at quit, when the background pool stops). */
    void rememberWindowNow(WindowBounds window) {
        save(settings.withWindow(window));
    }

    private synchronized void save(ConsoleSettings next) {
        settings = next;
        try {
            file.save(next);
        } catch (IOException e) {
            LOG.warn("could not save {}: {}", file.path(), e.getMessage());
        }
    }
}
