package dev.concord.domain;

/** How a field's value is shaped, validated and merged. */
public enum FieldType {
    /** Short single-line text (names). */
    TEXT,
    /** Long free text merged line by line (agents' notes). */
    LONG_TEXT,
    EMAIL,
    /** One of {@link FieldSpec#allowedValues()}. */
    ENUM,
    /** Non-negative decimal amount, at most 2 fraction digits, carried as a string on the wire. */
    MONEY,
    /** ISO 4217 code: three upper-case letters. */
    CURRENCY,
    /** ISO local date (yyyy-MM-dd), UTC calendar. */
    DATE,
    BOOLEAN,
    /** Unordered set of short strings, merged as a set. */
    TAG_SET,
    /** Ordered list of short strings. */
    STRING_LIST,
    /** Id of another entity. */
    REFERENCE
}
