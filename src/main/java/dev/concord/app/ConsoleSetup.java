package dev.concord.app;

import dev.concord.sync.SyncServices;
import dev.concord.ui.common.Theme;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who the console runs as and against what: command-line options first, then the user's saved settings,
 * then the defaults (the demo token of the user, the local server, the light theme).
 */
record ConsoleSetup(Path home, String user, String server, String token, Theme theme) {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSetup.class);

    static ConsoleSetup resolve(String userOption, String serverOption, String tokenOption, String themeOption,
                                Path home) {
        String user = userOption != null ? checkedUser(userOption)
                : tokenOption != null ? SyncServices.userFolderName(tokenOption) : "alice";
        ConsoleSettings saved = new SettingsFile(ConsoleCommand.settingsPath(home, user)).load();
        String token = firstOf(tokenOption, saved.token(), demoToken(user));
        if (token == null) {
            throw new IllegalArgumentException("no token for user '" + user + "': give --token T, or use one of the demo users "
                    + String.join(", ", ConsoleCommand.DEMO_USERS));
        }
        String server = checkedUrl(firstOf(serverOption, saved.server(), SyncServices.DEFAULT_SERVER));
        Theme theme = Theme.fromSetting(firstOf(themeOption, saved.theme(), Theme.LIGHT.settingName()));
        return new ConsoleSetup(home, user, server, token, theme);
    }

    Path userDir() {
        return home.resolve(user);
    }

    /** Saves server, token and theme for the next run; a failure to save is reported, not fatal. */
    void remember() {
        rememberTheme(theme);
    }

    void rememberTheme(Theme chosen) {
        SettingsFile file = new SettingsFile(ConsoleCommand.settingsPath(home, user));
        try {
            file.save(new ConsoleSettings(server, token, chosen.settingName()));
        } catch (IOException e) {
            LOG.warn("could not save the settings to {}", file.path(), e);
        }
    }

    private static String checkedUser(String user) {
        String u = user.trim().toLowerCase(Locale.ROOT);
        if (!u.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new IllegalArgumentException("--user must be a short name of letters, digits, - or _, was '" + user + "'");
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
                throw new IllegalArgumentException("--server must be an http(s) URL such as http://127.0.0.1:8787, was '" + url + "'");
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--server must be an http(s) URL such as http://127.0.0.1:8787, was '" + url + "'");
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
