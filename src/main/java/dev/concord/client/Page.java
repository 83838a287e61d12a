package dev.concord.client;

import dev.concord.domain.Entity;
import java.util.List;

/** One page of a list; {@code nextCursor} is null on the last page. */
public record Page(List<Entity> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
