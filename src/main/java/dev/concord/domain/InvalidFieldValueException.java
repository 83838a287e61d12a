package dev.concord.domain;

/** A value that a field cannot take; the message is written for the person who typed it. */
public final class InvalidFieldValueException extends IllegalArgumentException {
    private final String field;

    public InvalidFieldValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
