package dev.concord.server;

import dev.concord.domain.Entity;
import java.util.List;

/** One page of a list; {@code lastIdIfMore} is the id to continue after, or null on the last page. */
record RecordPage(List<Entity> items, String lastIdIfMore) {
}
