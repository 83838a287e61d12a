package dev.concord.i18n;

import static dev.concord.i18n.Localization.lang;

/**
 * The words for what the server answered, from its machine-readable codes (docs/api.md). The server's own
 * sentences are English and meant for logs and scripts; the console and the command line word the code.
 */
public final class ProblemWords {
    private ProblemWords() {
    }

    /** "the server could not be reached", "you are not allowed to do this", ... (lower case, to follow a colon). */
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

    /**
     * One field the server refused ({@code FieldError.code}: UNKNOWN_FIELD, READ_ONLY, REQUIRED, NO_SUCH_RECORD,
     * INVALID_VALUE).
     */
    public static String fieldError(String field, String code) {
        return switch (code == null ? "" : code) {
            case "UNKNOWN_FIELD" -> lang("problem.field.unknown", field);
            case "READ_ONLY" -> lang("problem.field.readOnly", field);
            case "REQUIRED" -> lang("invalid.required", field);
            case "NO_SUCH_RECORD" -> lang("problem.field.noSuchRecord", field);
            default -> lang("problem.field.invalid", field);
        };
    }
}
