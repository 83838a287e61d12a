package dev.concord.domain;

import java.util.List;

/**
 * A value that a field cannot take. The message is English, for the server's answers and logs; the
 * {@link #problem} and its {@link #arguments} are what the console and the command line word in the agent's
 * language.
 */
public final class InvalidFieldValueException extends IllegalArgumentException {
    /** What is wrong with the value; arguments as noted. */
    public enum Problem {
        REQUIRED, NOT_EMAIL,
        /** arguments: the allowed wire values, comma-separated */
        NOT_ONE_OF,
        NOT_CURRENCY, NOT_DATE,
        /** written as yyyy-MM-dd, but no such day (30 February); arguments: the value given */
        NO_SUCH_DAY,
        NOT_BOOLEAN,
        /** arguments: the most tags */
        TOO_MANY_TAGS,
        NOT_REFERENCE, NOT_TEXT,
        /** arguments: the characters given, the most allowed */
        TOO_LONG,
        NOT_SINGLE_LINE, EMPTY, NOT_AMOUNT, NEGATIVE, TOO_MANY_DECIMALS, TOO_LARGE, NOT_LIST, BAD_LIST_ITEM,
        /** arguments: the kind's singular */
        UNKNOWN_FIELD
    }

    private final String field;
    private final Problem problem;
    private final List<Object> arguments;

    public InvalidFieldValueException(String field, String message, Problem problem, Object... arguments) {
        super(message);
        this.field = field;
        this.problem = problem;
        this.arguments = List.of(arguments);
    }

    public String field() {
        return field;
    }

    public Problem problem() {
        return problem;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
