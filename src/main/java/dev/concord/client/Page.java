package dev.concord.client;

import dev.concord.domain.Entity;
import java.util.List;

/**
 * One page of a list; {@code nextCursor} is null on the last page. {@code lastEventId} is the server's
 * event high-water mark when it read the page (null from servers that do not send it): a live stream opened
 * with it as Last-Event-ID misses no write the page does not show.
 */
public record Page(List<Entity> items, String nextCursor, Long lastEventId) {
    public Page {
        items = List.copyOf(items);
    }

    public Page(List<Entity> items, String nextCursor) {
        this(items, nextCursor, null);
    }
}
