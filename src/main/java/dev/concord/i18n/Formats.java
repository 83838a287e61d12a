package dev.concord.i18n;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** Dates, times, relative times and money as a locale writes them; the words of relative times come from the bundle. */
final class Formats {
    private static final Duration JUST_NOW = Duration.ofSeconds(45);
    private static final Duration A_WEEK = Duration.ofDays(7);

    private Formats() {
    }

    static String money(Locale locale, BigDecimal amount, String currencyCode) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            Currency currency = Currency.getInstance(currencyCode);
            format.setCurrency(currency);
            // Whatever the locale's own currency has (yen: none), the record's currency decides the decimals.
            format.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
            format.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), amount.scale()));
        } catch (IllegalArgumentException | NullPointerException unknownCurrency) {
            // A record without a (valid) currency still shows its amount, with the code as typed after it.
            NumberFormat plain = NumberFormat.getNumberInstance(locale);
            plain.setMinimumFractionDigits(2);
            return currencyCode == null || currencyCode.isBlank() ? plain.format(amount)
                    : plain.format(amount) + "\u00a0" + currencyCode;
        }
        return format.format(amount);
    }

    static String date(Locale locale, LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    static String dateTime(Locale locale, ZoneId zone, Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    static String time(Locale locale, ZoneId zone, Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale).withZone(zone).format(instant);
    }

    static String relative(Locale locale, ZoneId zone, Instant then, Instant now) {
        Duration ago = Duration.between(then, now);
        if (ago.compareTo(JUST_NOW) < 0) {
            // Clocks of two machines disagree by a few seconds: a time slightly ahead is "just now" too.
            return Localization.lang("time.justNow");
        }
        if (ago.toMinutes() < 60) {
            return Localization.lang("time.minutesAgo", Math.max(1, ago.toMinutes()));
        }
        if (ago.toHours() < 24) {
            return Localization.lang("time.hoursAgo", ago.toHours());
        }
        if (ago.compareTo(A_WEEK) < 0) {
            return Localization.lang("time.daysAgo", ago.toDays());
        }
        return Localization.lang("time.onDate", date(locale, LocalDate.ofInstant(then, zone)));
    }
}
