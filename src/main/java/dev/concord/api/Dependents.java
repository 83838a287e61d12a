package dev.concord.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Live records of one kind that still refer to a record someone tried to retire, in a {@code 409 HAS_DEPENDENTS}
 * error ({@code error.dependents}): how many, and the first few ids (the server names at most 20; {@code count}
 * covers the rest), so the person can retire or move them first.
 *
 * @param entity   the kind's path name, such as {@code invoices}
 * @param field    the field of theirs that refers to the record, such as {@code subscriptionId}
 * @param count    how many live records of that kind refer to it
 * @param firstIds the first ids in id order, at most {@code count}
 */
public record Dependents(@JsonProperty("entity") String entity,
                         @JsonProperty("field") String field,
                         @JsonProperty("count") long count,
                         @JsonProperty("firstIds") List<String> firstIds) {
    public Dependents {
        firstIds = firstIds == null ? List.of() : List.copyOf(firstIds);
    }
}
