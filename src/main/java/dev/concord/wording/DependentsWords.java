package dev.concord.wording;

import static dev.concord.i18n.Localization.lang;

import dev.concord.api.Dependents;
import dev.concord.domain.EntityKind;
import dev.concord.i18n.DomainWords;
import dev.concord.sync.RetireOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a retire was refused, naming the live records that still refer to the record ("invoices inv_0001, inv_0002
 * and 18 more"), so the agent knows what to retire or move first. The server's own sentence names them too, but in
 * English; this words {@code error.dependents} (docs/api.md) in the agent's language. A clause to follow a colon.
 */
public final class DependentsWords {
    private DependentsWords() {
    }

    /** The refusal: the records that refer to it when the server named them, else the reason's words. */
    public static String of(RetireOutcome.Refused refused) {
        if (refused.dependents().isEmpty()) {
            return ReasonWords.of(refused.reason());
        }
        List<String> groups = new ArrayList<>();
        for (Dependents d : refused.dependents()) {
            groups.add(lang("reason.dependents.group", kindWords(d.entity()), ids(d)));
        }
        return lang("reason.dependents", String.join(lang("reason.dependents.separator"), groups));
    }

    /** "invoices" in the agent's language; a kind this console does not know keeps the server's path name. */
    private static String kindWords(String entity) {
        return EntityKind.fromPath(entity).map(DomainWords::pluralInSentence).orElse(entity);
    }

    private static String ids(Dependents d) {
        String named = String.join(lang("list.separator"), d.firstIds());
        long more = d.count() - d.firstIds().size();
        return more > 0 ? lang("reason.dependents.more", named, more) : named;
    }
}
