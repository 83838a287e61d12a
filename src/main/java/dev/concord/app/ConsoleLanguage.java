package dev.concord.app;

import dev.concord.i18n.Language;
import dev.concord.i18n.Localization;
import dev.concord.i18n.SystemLocale;
import java.util.Locale;

/**
 * Puts the console in a language: the words (Localization) and JavaFX's own texts with them. JavaFX words
 * its buttons and menus (OK, Cancel, Yes, No, the Undo/Cut/Copy/Paste menu of a text field) from its own
 * bundles by {@code Locale.getDefault()}, looked up each time one is shown, so the default locale follows the
 * chosen language before any window opens. Formats keep the machine's default (String.format and the like),
 * since Concord formats what agents read through {@link Localization} anyway.
 */
final class ConsoleLanguage {
    /** The machine's own, before this class changed it (a second call must not take its own choice for it). */
    private static final Locale MACHINE = Locale.getDefault();
    private static final Locale MACHINE_FORMAT = Locale.getDefault(Locale.Category.FORMAT);

    private ConsoleLanguage() {
    }

    /** {@code chosen} (View -> Language), else the system's (LC_ALL, LC_MESSAGES, LANG), else English. */
    static Language use(Language chosen) {
        Language language = Localization.use(chosen, SystemLocale.of(System.getenv(), MACHINE));
        Locale.setDefault(Localization.locale());
        Locale.setDefault(Locale.Category.FORMAT, MACHINE_FORMAT);
        return language;
    }
}
