package dev.concord.app;

import static dev.concord.i18n.Localization.lang;

import java.util.Optional;

import dev.concord.i18n.Language;

import dev.concord.auth.SecretStore;
import dev.concord.auth.SecretStores;
import dev.concord.sync.SyncServices;
import dev.concord.ui.common.Appearance;
import dev.concord.ui.common.Theme;
import dev.concord.ui.common.WindowBounds;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the developer's console ({@code ./launcher}, {@code --user}, a token given by hand) runs as and against
 * what: command-line options first, then the user's saved settings and secret store, then the defaults
 * (the demo token of the user, the local server, the light theme). Tokens are kept in the secret store,
 * never in settings.json; one found there (written by an older version) is moved.
 */
record ConsoleSetup(Path home, String user, String server, String token, Theme theme, int textSize,
                    SecretStore secrets) {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSetup.class);

    static ConsoleSetup resolve(String userOption, String serverOption, String tokenOption, String themeOption,
                                Path home) {
        return resolve(userOption, serverOption, tokenOption, themeOption, home,
                SecretStores.open(home.resolve(SECRETS_FILE)));
    }

    /** The fallback file of secrets when no keyring answers, under the data folder. */
    static final String SECRETS_FILE = "secrets.json";

    static ConsoleSetup resolve(String userOption, String serverOption, String tokenOption, String themeOption,
                                Path home, SecretStore secrets) {
        String user = userOf(userOption, tokenOption);
        SettingsFile settingsFile = new SettingsFile(ConsoleCommand.settingsPath(home, user));
        ConsoleSettings saved = settingsFile.load();
        if (saved.token() != null) {
            migrate(saved, settingsFile, secrets, user);
        }
        String token = firstOf(tokenOption, secrets.get(tokenKey(user)).orElse(null), demoToken(user));
        if (token == null) {
            throw new IllegalArgumentException(lang("start.noToken", user, String.join(", ", ConsoleCommand.DEMO_USERS)));
        }
        String server = checkedUrl(firstOf(serverOption, saved.server(), SyncServices.DEFAULT_SERVER));
        Theme theme = Theme.fromSetting(firstOf(themeOption, saved.theme(), Theme.LIGHT.settingName()));
        int textSize = saved.textSize() == null ? Appearance.DEFAULT_TEXT_SIZE : saved.textSize();
        return new ConsoleSetup(home, user, server, token, theme, textSize, secrets);
    }

    /**
     * The server the console will talk to, as {@link #resolve} finds it (the option, else the user's saved one,
     * else the local default), without opening the secret store: the embedded demo server starts from it while
     * the rest of the set-up is read.
     *
     * @throws IllegalArgumentException for a malformed user name or server URL, as {@link #resolve} would
     */
    static String serverUrl(String userOption, String serverOption, String tokenOption, Path home) {
        String user = userOf(userOption, tokenOption);
        ConsoleSettings saved = new SettingsFile(ConsoleCommand.settingsPath(home, user)).load();
        return checkedUrl(firstOf(serverOption, saved.server(), SyncServices.DEFAULT_SERVER));
    }

    private static String userOf(String userOption, String tokenOption) {
        return userOption != null ? checkedUser(userOption)
                : tokenOption != null ? SyncServices.userFolderName(tokenOption) : "alice";
    }

    /** Moves a token an older version saved in plain text into the secret store. */
    private static void migrate(ConsoleSettings saved, SettingsFile file, SecretStore secrets, String user) {
        try {
            secrets.put(tokenKey(user), saved.token());
            file.save(saved.withoutToken());
            LOG.info("moved the token of '{}' from {} to {}", user, file.path(), secrets.description());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not move the token out of {}: {}", file.path(), e.getMessage());
        }
    }

    static String tokenKey(String user) {
        return "token of console user " + user;
    }

    Path userDir() {
        return home.resolve(user);
    }

    /** Saves server and look for the next run, the token in the secret store; a failure to save is reported, not fatal. */
    void remember() {
        rememberAppearance(theme, textSize);
    }

    void rememberTheme(Theme chosen) {
        rememberAppearance(chosen, textSize);
    }

    /**
     * Saves the server, theme and text size; other settings in the file stay as they are. Every save here reads
     * the file, changes its part and writes it back, and they run on different threads (the start-up parts, the
     * window's close, View menu choices), so they take turns: otherwise one could write back a file read before
     * another's change (a window closed in the first second lost its place) or share the temporary file.
     */
    synchronized void rememberAppearance(Theme chosen, int chosenTextSize) {
        SettingsFile file = new SettingsFile(ConsoleCommand.settingsPath(home, user));
        try {
            if (!token.equals(demoToken(user))) {
                secrets.put(tokenKey(user), token);
            }
            // Everything else in the file (the language chosen in View -> Language) stays as it is.
            file.save(file.load().withoutToken().withConnection(server, null).withAppearance(chosen.settingName(),
                    chosenTextSize));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the settings to {}", file.path(), e);
        }
    }

    /** The language the agent chose last (View -> Language); empty follows the system. */
    Optional<Language> savedLanguage() {
        return Language.ofTag(new SettingsFile(ConsoleCommand.settingsPath(home, user)).load().language());
    }

    /** Keeps the agent's language for the next start; a failure to save is reported, not fatal. */
    synchronized void rememberLanguage(Language chosen) {
        SettingsFile file = new SettingsFile(ConsoleCommand.settingsPath(home, user));
        try {
            ConsoleSettings saved = file.load();
            String savedTheme = saved.theme() != null ? saved.theme() : theme.settingName();
            // The text size chosen with Ctrl+Plus stays as it is.
            file.save(saved.withoutToken().withConnection(server, null).withTheme(savedTheme).withLanguage(chosen.tag()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the language to {}", file.path(), e);
        }
    }

    /** Where the console's window was when it closed last; null the first time. */
    WindowBounds savedWindow() {
        return new SettingsFile(ConsoleCommand.settingsPath(home, user)).load().window();
    }

    /** Keeps where the window is for the next start; other settings stay as they are. Disk I/O: not on the FX thread. */
    synchronized void rememberWindow(WindowBounds window) {
        SettingsFile file = new SettingsFile(ConsoleCommand.settingsPath(home, user));
        try {
            file.save(file.load().withoutToken().withWindow(window));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save the window's place to {}", file.path(), e);
        }
    }

    private static String checkedUser(String user) {
        String u = user.trim().toLowerCase(Locale.ROOT);
        if (!u.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException(lang("start.badUser", user));
        }
        return u;
    }

    private static String demoToken(String user) {
        return ConsoleCommand.DEMO_USERS.contains(user) ? "demo-" + user : null;
    }

    private static String checkedUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(lang("start.badServer", url));
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(lang("start.badServer", url));
        }
    }

    private static String firstOf(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
