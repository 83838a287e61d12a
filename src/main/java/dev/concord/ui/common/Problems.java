package dev.concord.ui.common;

import static dev.concord.i18n.Localization.lang;

import dev.concord.client.ApiException;
import dev.concord.client.SessionExpiredException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What went wrong, in the agent's words. The server's messages are English and meant for logs and scripts;
 * the console words the machine-readable code itself and never shows a library's class name.
 */
public final class Problems {
    private Problems() {
    }

    /** "the server could not be reached", "you are not allowed to do this", ... (lower case, to follow a colon). */
    public static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SessionExpiredException) {
            return lang("problem.sessionExpired");
        }
        if (t instanceof ApiException api) {
            return ofCode(api.code());
        }
        // Not the server's: a local failure (a full disk, a read-only store) whose own message says what it is.
        return t.getMessage() == null || t.getMessage().isBlank() ? lang("problem.unexpected") : t.getMessage();
    }

    /** The words for an error code of the API (docs/api.md), or a general sentence naming the code. */
    public static String ofCode(String code) {
        if (code == null) {
            return lang("problem.unexpected");
        }
        return switch (code) {
            case "SERVER_UNREACHABLE" -> lang("problem.unreachable");
            case "UNAUTHORIZED" -> lang("problem.unauthorized");
            case "FORBIDDEN" -> lang("problem.forbidden");
            case "NOT_FOUND" -> lang("problem.notFound");
            case "CONFLICT_VERSION_MISMATCH" -> lang("problem.changedMeanwhile");
            case "ALREADY_EXISTS" -> lang("problem.alreadyExists");
            case "HAS_DEPENDENTS" -> lang("problem.hasDependents");
            case "NOT_DELETED" -> lang("problem.notDeleted");
            case "VALIDATION_FAILED", "BAD_REQUEST", "MALFORMED_JSON" -> lang("problem.invalid");
            case "PAYLOAD_TOO_LARGE" -> lang("problem.tooLarge");
            case "RATE_LIMITED", "SERVICE_UNAVAILABLE" -> lang("problem.busy");
            case "INTERNAL_ERROR" -> lang("problem.serverError");
            default -> lang("problem.refused", code);
        };
    }
}
