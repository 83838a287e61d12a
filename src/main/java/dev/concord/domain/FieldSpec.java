package dev.concord.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import dev.concord.domain.InvalidFieldValueException.Problem;

/**
 * One editable field of an entity: its wire name, its shape, and whether concurrent changes to it may
 * ever be merged without a person ({@code sensitive} fields: money, plan, status).
 *
 * <p>Canonical values (what {@link FieldValues} holds): String for text, email, enum wire names,
 * currency and references; BigDecimal for money; LocalDate for dates; Boolean; a sorted Set of String
 * for tags; a List of String for string lists. {@link #parse} turns a loosely typed value (from JSON or
 * a form) into the canonical one, or refuses it with a message that names the problem.
 */
public record FieldSpec(String name, String label, FieldType type, List<String> allowedValues,
                        boolean sensitive, boolean required) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern ISO_DATE_FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern REFERENCE = Pattern.compile("^[a-z]+_[A-Za-z0-9_-]{1,60}$");
    /** Keeps one field from swallowing the database: notes may hold thousands of lines, not megabytes. */
    public static final int MAX_LONG_TEXT = 512 * 1024;
    public static final int MAX_TEXT = 200;
    public static final int MAX_TAGS = 50;
    /** Twelve integer digits is far beyond any subscription price; it keeps NUMERIC(14,2) from overflowing. */
    public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

    public FieldSpec {
        allowedValues = List.copyOf(allowedValues);
    }

    public static FieldSpec of(String name, String label, FieldType type) {
        return new FieldSpec(name, label, type, List.of(), false, true);
    }

    public static FieldSpec optional(String name, String label, FieldType type) {
        return new FieldSpec(name, label, type, List.of(), false, false);
    }

    public static FieldSpec sensitive(String name, String label, FieldType type) {
        return new FieldSpec(name, label, type, List.of(), true, true);
    }

    public static FieldSpec oneOf(String name, String label, boolean sensitive, WireEnum[] values) {
        List<String> allowed = new ArrayList<>();
        for (WireEnum v : values) {
            allowed.add(v.wire());
        }
        return new FieldSpec(name, label, FieldType.ENUM, allowed, sensitive, true);
    }

    /**
     * Converts a loosely typed value to this field's canonical value.
     *
     * @throws InvalidFieldValueException naming this field and the problem
     */
    public Object parse(Object raw) {
        if (raw == null) {
            if (required) {
                throw invalid(Problem.REQUIRED, "is required");
            }
            return null;
        }
        return switch (type) {
            case TEXT -> text(raw, MAX_TEXT, true);
            case LONG_TEXT -> text(raw, MAX_LONG_TEXT, false);
            case EMAIL -> {
                String s = text(raw, MAX_TEXT, true).trim();
                if (!EMAIL.matcher(s).matches()) {
                    throw invalid(Problem.NOT_EMAIL, "must be an email address such as name@example.com");
                }
                yield s;
            }
            case ENUM -> {
                String s = string(raw);
                if (!allowedValues.contains(s)) {
                    throw invalid(Problem.NOT_ONE_OF, "must be one of " + String.join(", ", allowedValues),
                            String.join(", ", allowedValues));
                }
                yield s;
            }
            case MONEY -> money(raw);
            case CURRENCY -> {
                String s = string(raw);
                if (!CURRENCY.matcher(s).matches() || minorDigits(s) < 0) {
                    throw invalid(Problem.NOT_CURRENCY, "must be a three-letter ISO 4217 currency code in capitals, such as EUR");
                }
                yield s;
            }
            case DATE -> {
                String s = string(raw);
                try {
                    yield LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    // "2026-02-30" is in the right form: saying "must be a date as yyyy-MM-dd" puzzled its writer.
                    if (ISO_DATE_FORM.matcher(s).matches()) {
                        throw invalid(Problem.NO_SUCH_DAY, "must be a day in the calendar; " + s + " is not", s);
                    }
                    throw invalid(Problem.NOT_DATE, "must be a date as yyyy-MM-dd");
                }
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                throw invalid(Problem.NOT_BOOLEAN, "must be true or false");
            }
            case TAG_SET -> {
                Set<String> tags = new TreeSet<>(strings(raw));
                if (tags.size() > MAX_TAGS) {
                    throw invalid(Problem.TOO_MANY_TAGS, "may hold at most " + MAX_TAGS + " tags", MAX_TAGS);
                }
                yield java.util.Collections.unmodifiableSet(tags);
            }
            case STRING_LIST -> List.copyOf(strings(raw));
            case REFERENCE -> {
                String s = string(raw);
                if (!REFERENCE.matcher(s).matches()) {
                    throw invalid(Problem.NOT_REFERENCE, "must be an id such as plan_basic");
                }
                yield s;
            }
        };
    }

    /**
     * The minor digits of an ISO 4217 currency (2 for EUR, 0 for JPY), from {@link java.util.Currency};
     * -1 for a code that is not a currency, or one without minor units (XXX, XAU): nothing is billed in those.
     */
    public static int minorDigits(String code) {
        try {
            return java.util.Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException | NullPointerException e) {
            return -1;
        }
    }

    /** The JSON-friendly form of a canonical value: money and dates as strings, sets as sorted lists. */
    public Object toWire(Object canonical) {
        if (canonical == null) {
            return null;
        }
        return switch (type) {
            case MONEY -> ((BigDecimal) canonical).toPlainString();
            case DATE -> canonical.toString();
            case TAG_SET, STRING_LIST -> List.copyOf((Collection<?>) canonical);
            default -> canonical;
        };
    }

    /** A short human rendering for messages and tables. */
    public String display(Object canonical) {
        if (canonical == null) {
            return "";
        }
        Object wire = toWire(canonical);
        if (wire instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(wire);
    }

    private String string(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        throw invalid(Problem.NOT_TEXT, "must be a string");
    }

    private String text(Object raw, int max, boolean singleLine) {
        String s = string(raw);
        int chars = s.codePointCount(0, s.length());
        if (chars > max) {
            throw invalid(Problem.TOO_LONG, "is too long (" + chars + " characters, at most " + max + ")", chars, max);
        }
        if (singleLine && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
            throw invalid(Problem.NOT_SINGLE_LINE, "must be a single line");
        }
        if (required && singleLine && s.isBlank()) {
            throw invalid(Problem.EMPTY, "must not be empty");
        }
        return s;
    }

    private BigDecimal money(Object raw) {
        BigDecimal value;
        if (raw instanceof BigDecimal b) {
            value = b;
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof java.math.BigInteger) {
            // Whole numbers are exact; fractions reach here only as BigDecimal (exact) or as text.
            value = new BigDecimal(raw.toString());
        } else if (raw instanceof String s) {
            try {
                value = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw invalid(Problem.NOT_AMOUNT, "must be an amount such as 19.99");
            }
        } else {
            // Doubles are refused on purpose: a double has already lost cents by the time we see it.
            throw invalid(Problem.NOT_AMOUNT, "must be an amount such as \"19.99\"");
        }
        if (value.signum() < 0) {
            throw invalid(Problem.NEGATIVE, "must not be negative");
        }
        if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw invalid(Problem.TOO_MANY_DECIMALS, "may have at most 2 decimal places");
        }
        if (value.compareTo(MAX_MONEY) > 0) {
            throw invalid(Problem.TOO_LARGE, "is too large");
        }
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private List<String> strings(Object raw) {
        if (!(raw instanceof Collection<?> items)) {
            throw invalid(Problem.NOT_LIST, "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s) || s.isBlank() || s.length() > 60 || s.indexOf('\n') >= 0) {
                throw invalid(Problem.BAD_LIST_ITEM, "must hold only short non-empty strings");
            }
            out.add(s.trim());
        }
        return out;
    }

    private InvalidFieldValueException invalid(Problem problem, String english, Object... arguments) {
        return new InvalidFieldValueException(name, label + " " + english, problem, arguments);
    }
}
