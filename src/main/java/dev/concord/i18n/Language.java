package dev.concord.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the console is translated into, each named in its own language (an agent who cannot read
 * the current one still finds theirs in View -> Language). Adding one: a constant here and a
 * {@code messages_xx.properties} with every key ({@code BundleKeysTest} says which are missing).
 */
public enum Language {
    ENGLISH("en", "English"), GERMAN("de", "Deutsch"), FRENCH("fr", "Fran\u00e7ais"), SPANISH("es", "Espa\u00f1ol");

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    /** The BCP 47 language tag ("de"), as kept in the settings file. */
    public String tag() {
        return tag;
    }

    /** The language's own name for itself ("Deutsch"); deliberately not translated. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language of a locale or tag ("de-AT" is German); empty for one the console is not translated into. */
    public static Optional<Language> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.tag.equals(locale.getLanguage())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    public static Optional<Language> ofTag(String tag) {
        return tag == null || tag.isBlank() ? Optional.empty() : of(Locale.forLanguageTag(tag.strip()));
    }
}
