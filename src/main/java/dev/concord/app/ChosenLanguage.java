package dev.concord.app;

import dev.concord.i18n.Language;
import dev.concord.i18n.SystemLocale;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language of {@code concord cli} and of the console's first words (before it knows whose settings to
 * read): the one the agent chose in the installed console (View -> Language, kept in
 * {@code <data folder>/console.json}), else the system's ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}),
 * else English. Reading the console's settings file needs no window toolkit.
 */
final class ChosenLanguage {
    private ChosenLanguage() {
    }

    /** The chosen language, if any, and the system locale, as {@code Localization.use} takes them. */
    record Choice(Language chosen, Locale system) {
    }

    static Choice of(Path home, Map<String, String> env) {
        Optional<Language> chosen = Language.ofTag(new SettingsFile(home.resolve("console.json")).load().language());
        return new Choice(chosen.orElse(null), SystemLocale.of(env, Locale.getDefault()));
    }
}
