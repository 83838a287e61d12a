package dev.concord.sync;

import dev.concord.client.ApiException;
import dev.concord.client.AuthException;
import dev.concord.client.NotFoundException;
import dev.concord.client.RateLimitedException;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.SessionExpiredException;
import dev.concord.client.ValidationFailedException;
import java.util.Objects;

/**
 * Why a save, create or retire did not (yet) happen, as a code and its facts, never a sentence: the console and
 * the command line word it in the agent's language ({@code dev.concord.wording.ReasonWords}). Sync speaks no
 * language; {@link #detail} is what the server or the client said, in English, for the log only.
 *
 * @param errorCode the server's error code (docs/api.md: VALIDATION_FAILED, FORBIDDEN, ...), or null
 * @param status    the HTTP status, or 0 when there was no answer
 * @param count     how many, as the {@link Code} says (0 when it names none)
 * @param subject   the id the {@link Code} names (a conflict, a pending edit, a record), or null
 * @param detail    English, for the log; never shown
 */
public record Reason(Code code, String errorCode, int status, long count, String subject, String detail) {
    /** What happened; the facts each code uses are noted. */
    public enum Code {
        /** The server could not be reached. */
        UNREACHABLE,
        /** The server was too busy every time (429, 503). */
        BUSY,
        /** The server asked to wait longer than a save waits; count: the seconds asked for. */
        ASKED_TO_WAIT,
        /** The sign-in has expired: the edit waits, kept, until the person signs in again. */
        SESSION_EXPIRED,
        /** Not allowed (401, 403); errorCode. */
        NOT_ALLOWED,
        /** The record does not exist, or no longer (retired). */
        NOT_FOUND,
        /** The server refused values; errorCode; the refused fields travel beside the reason. */
        INVALID,
        /** The edit names fields its kind does not have (found before sending); the fields travel beside. */
        UNKNOWN_FIELDS,
        /** The server refused the request for another reason (4xx); status, errorCode. */
        REFUSED,
        /** The server failed every time (5xx); status, errorCode, count: how many times. */
        SERVER_FAILED,
        /** The edit merges, but the record changed again and again while saving; count: how many times. */
        RECORD_BUSY,
        /** The record changed and could not be read again; status, errorCode. */
        REREAD_FAILED,
        /** A value of the wrong kind for its field: a bug of the caller, nothing was sent. */
        WRONG_VALUE_TYPE,
        /** Interrupted before the next attempt. */
        INTERRUPTED,
        /** There is no stored conflict; subject: its id. */
        NO_SUCH_CONFLICT,
        /** There is no pending edit; subject: its id. */
        NO_SUCH_PENDING,
        /** Kept offline on a record never fetched (no copy to edit from); subject: the record's id. */
        KEPT_UNFETCHED,
        /** A create whose answer never came: it may or may not have been made. */
        CREATE_UNCONFIRMED,
        /** The record is already retired. */
        ALREADY_RETIRED,
        /** The record is retired, most likely by an earlier attempt whose answer was lost. */
        RETIRED_BY_EARLIER_ATTEMPT,
        /**
         * Read from a store an earlier version wrote, which kept only an English sentence ({@link #detail}): shown
         * as a general reason, never as that sentence.
         */
        EARLIER
    }

    public Reason {
        Objects.requireNonNull(code, "code");
    }

    /** A reason with no facts but its code (and English for the log). */
    public static Reason of(Code code, String detail) {
        return new Reason(code, null, 0, 0, null, detail);
    }

    /** A reason naming an id (a conflict, a pending edit, a record). */
    public static Reason about(Code code, String subject, String detail) {
        return new Reason(code, null, 0, 0, subject, detail);
    }

    /** A sentence an earlier version kept; null stays null. */
    public static Reason earlier(String sentence) {
        return sentence == null ? null : of(Code.EARLIER, sentence);
    }

    /** What the client's exception says happened, with its status and the server's code. */
    public static Reason from(ApiException e) {
        Code code;
        if (e instanceof ServerUnreachableException) {
            code = Code.UNREACHABLE;
        } else if (e instanceof RateLimitedException) {
            code = Code.BUSY;
        } else if (e instanceof SessionExpiredException) {
            code = Code.SESSION_EXPIRED;
        } else if (e instanceof AuthException) {
            code = Code.NOT_ALLOWED;
        } else if (e instanceof NotFoundException) {
            code = Code.NOT_FOUND;
        } else if (e instanceof ValidationFailedException) {
            code = Code.INVALID;
        } else if (RetryCoordinator.isServerFault(e.status())) {
            code = Code.SERVER_FAILED;
        } else {
            code = Code.REFUSED;
        }
        return from(code, e);
    }

    /** {@code code} with the status, the server's code and message of {@code e}. */
    public static Reason from(Code code, ApiException e) {
        return new Reason(code, e.code(), e.status(), 0, null, e.getMessage());
    }

    /** The same reason counting {@code n} (times, seconds: as the code says). */
    public Reason counting(long n) {
        return new Reason(code, errorCode, status, n, subject, detail);
    }
}
