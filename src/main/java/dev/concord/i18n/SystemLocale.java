package dev.concord.i18n;

import java.util.Locale;
import java.util.Map;

/**
 * The language the system asks for, read as POSIX programs read it: {@code LC_ALL}, else {@code LC_MESSAGES},
 * else {@code LANG} ({@code de_DE.UTF-8}, {@code fr_CA}). Read from the environment rather than from the JVM's
 * default locale, because the JVM falls back to English whenever the named locale is not installed on the
 * machine (common on servers and in containers), while the words of Concord need no installed locale.
 */
public final class SystemLocale {
    private SystemLocale() {
    }

    /** The locale the environment names; {@code fallback} when it names none ("C" and "POSIX" are English). */
    public static Locale of(Map<String, String> env, Locale fallback) {
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return parse(value.strip());
            }
        }
        return fallback;
    }

    /** "de_DE.UTF-8@euro" is de-DE; "C" and "POSIX" are English. */
    static Locale parse(String value) {
        String name = value.split("[.@]", 2)[0];
        if (name.isEmpty() || "C".equals(name) || "POSIX".equals(name)) {
            return Locale.ENGLISH;
        }
        return Locale.forLanguageTag(name.replace('_', '-'));
    }
}
