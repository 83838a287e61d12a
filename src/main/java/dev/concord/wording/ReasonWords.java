package dev.concord.wording;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.FieldError;
import dev.concord.domain.EntityKind;
import dev.concord.i18n.DomainWords;
import dev.concord.i18n.ProblemWords;
import dev.concord.sync.Reason;
import dev.concord.sync.SaveOutcome;
import java.util.List;

/**
 * Why a save, create or retire did not (yet) happen, in the agent's words, from sync's {@link Reason}: a clause
 * to follow a colon ("Not saved: the server could not be reached"), without a closing full stop. The server's
 * and the client's own sentences (English, in {@link Reason#detail}) are for the log and never shown.
 */
public final class ReasonWords {
    private ReasonWords() {
    }

    /** "the server could not be reached", "the record changed 4 times while saving", ... */
    public static String of(Reason r) {
        if (r == null) {
            return lang("problem.unexpected");
        }
        return switch (r.code()) {
            case UNREACHABLE -> lang("problem.unreachable");
            case BUSY -> lang("problem.busy");
            case ASKED_TO_WAIT -> lang("reason.askedToWait", r.count());
            case SESSION_EXPIRED -> lang("problem.sessionExpired");
            case NOT_ALLOWED, INVALID, REFUSED -> ProblemWords.ofCode(r.errorCode());
            case NOT_FOUND -> lang("problem.notFound");
            case UNKNOWN_FIELDS -> lang("reason.unknownFields");
            case SERVER_FAILED -> r.count() > 0 ? lang("reason.serverFailed", r.count(), String.valueOf(r.status()))
                    : lang("problem.serverError");
            case RECORD_BUSY -> lang("reason.recordBusy", r.count());
            case REREAD_FAILED -> lang("reason.rereadFailed", ProblemWords.ofCode(r.errorCode()));
            case WRONG_VALUE_TYPE -> lang("reason.wrongValueType");
            case INTERRUPTED -> lang("reason.interrupted");
            case NO_SUCH_CONFLICT -> lang("reason.noSuchConflict", String.valueOf(r.subject()));
            case NO_SUCH_PENDING -> lang("reason.noSuchPending", String.valueOf(r.subject()));
            case KEPT_UNFETCHED -> lang("reason.keptUnfetched", String.valueOf(r.subject()));
            case CREATE_UNCONFIRMED -> lang("save.newUnreachable", lang("problem.unreachable"));
            case ALREADY_RETIRED -> lang("reason.alreadyRetired");
            case RETIRED_BY_EARLIER_ATTEMPT -> lang("reason.retiredEarlier");
            case EARLIER -> lang("reason.earlier");
        };
    }

    /** Why a save failed: the refused fields one by one where the server (or the check before sending) named them. */
    public static String failed(SaveOutcome.Failed f, EntityKind kind) {
        return refused(f.reason(), f.fieldErrors(), kind);
    }

    /** As {@link #failed}, for any reason with the fields refused beside it (a create's); a null kind names fields by their wire names, as the command line takes them. */
    public static String refused(Reason reason, List<FieldError> fieldErrors, EntityKind kind) {
        if (fieldErrors.isEmpty()) {
            return of(reason);
        }
        return String.join(lang("list.separator"), fieldErrors.stream().map(e -> field(kind, e)).toList());
    }

    /** One refused field, as its own error under the field: "Currency has a value the server does not accept". */
    public static String field(EntityKind kind, FieldError e) {
        String label = kind == null ? e.field() : DomainWords.field(kind, e.field());
        return ProblemWords.fieldError(label, e.code());
    }
}
