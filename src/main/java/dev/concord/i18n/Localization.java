package dev.concord.i18n;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word the console and the command line show an agent, looked up by key in the {@code messages}
 * bundles (as JabRef's {@code Localization.lang}).
 *
 * <p>Conventions (held by {@code BundleKeysTest}):
 * <ul>
 *   <li>A key is a literal string at its call site ({@code lang("status.conflicts", n)}), never built from
 *       parts, so a scan of the sources finds every key in use. Where a value picks the words (an enum), the
 *       enum carries its key as a literal.</li>
 *   <li>Every value is a {@link MessageFormat} pattern, with or without arguments: a quote is written
 *       {@code ''} (or typographically, ’), counts use a choice ({@code {0,choice,0#no conflicts|1#one
 *       conflict|1<{0,number,integer} conflicts}}), never concatenation.</li>
 * </ul>
 * The language is chosen once at start-up ({@link #use}); until then (and in tests that choose none) it is
 * English, whatever the machine's locale, so nothing depends on where a build runs.
 */
public final class Localization {
    static final String BUNDLE = "dev.concord.i18n.messages";

    /** The language, the locale for formats (it keeps the agent's country: de-AT formats as Austria does). */
    private record Current(Language language, Locale formats, ResourceBundle bundle, ZoneId zone) {
    }

    private static volatile Current current = load(Language.ENGLISH, Locale.ENGLISH, ZoneId.systemDefault());

    private Localization() {
    }

    /**
     * Chooses the language: {@code chosen} when the agent picked one (View -> Language), else the system
     * locale's if the console speaks it, else English. Formats follow the system locale when its language is
     * the one shown, else the language alone.
     */
    public static Language use(Language chosen, Locale system) {
        Language language = chosen != null ? chosen : Language.of(system).orElse(Language.ENGLISH);
        Locale formats = system != null && language.tag().equals(system.getLanguage()) ? system : language.locale();
        current = load(language, formats, ZoneId.systemDefault());
        return language;
    }

    /** The language and formats of a locale (tests, the command line). */
    public static Language use(Locale locale) {
        return use(null, locale);
    }

    /** The time zone times are shown in (the machine's; tests fix one). */
    public static void useZone(ZoneId zone) {
        Current c = current;
        current = new Current(c.language(), c.formats(), c.bundle(), zone);
    }

    public static Language language() {
        return current.language();
    }

    /** The locale of dates, numbers and money. */
    public static Locale locale() {
        return current.formats();
    }

    static ZoneId zone() {
        return current.zone();
    }

    /**
     * The text of {@code key} in the current language with {@code args} filled in. A key missing from the
     * bundle (a bug the tests catch) shows as the key itself rather than failing the window.
     */
    public static String lang(String key, Object... args) {
        Current c = current;
        String pattern;
        try {
            pattern = c.bundle().getString(key);
        } catch (MissingResourceException e) {
            System.getLogger(Localization.class.getName()).log(System.Logger.Level.WARNING, "no text for key " + key);
            return key;
        }
        return new MessageFormat(pattern, c.formats()).format(args);
    }

    /** "Alice, Bob and Carol" with the language's "and"; one item alone, nothing for none. */
    public static String andList(java.util.List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String head = String.join(lang("list.separator"), items.subList(0, items.size() - 1));
        return lang("list.and", head, items.get(items.size() - 1));
    }

    /** "12,50 €" (de), "€12.50" (en): the amount in the record's currency, as the agent's locale writes it. */
    public static String money(BigDecimal amount, String currencyCode) {
        return Formats.money(locale(), amount, currencyCode);
    }

    /** "30.11.2026" (de), "Nov 30, 2026" (en). */
    public static String date(LocalDate date) {
        return Formats.date(locale(), date);
    }

    /** Date and time in the agent's time zone. */
    public static String dateTime(Instant instant) {
        return Formats.dateTime(locale(), zone(), instant);
    }

    /** Time of day in the agent's time zone. */
    public static String time(Instant instant) {
        return Formats.time(locale(), zone(), instant);
    }

    /** "2 minutes ago", "vor 2 Minuten"; the date once it is more than a week back. */
    public static String relative(Instant then, Instant now) {
        return Formats.relative(locale(), zone(), then, now);
    }

    /** A whole number with the locale's grouping ("12.345" in German). */
    public static String number(long n) {
        return java.text.NumberFormat.getIntegerInstance(locale()).format(n);
    }

    private static Current load(Language language, Locale formats, ZoneId zone) {
        // No fallback to the machine's locale: a language without its own file falls back to English (the
        // base file), not to whatever the machine happens to speak.
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Current(language, formats, bundle, zone);
    }
}
