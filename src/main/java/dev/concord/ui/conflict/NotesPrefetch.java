package dev.concord.ui.conflict;

import dev.concord.sync.Conflict;
import dev.concord.ui.common.TaskExecutor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the notes of the newest unresolved conflicts ahead, off the FX thread, while they wait in the inbox,
 * so that a dialog opened on one of them starts with its rows filled (issue 16: the diff computed before the
 * dialog opens) instead of opening empty and being built a second time when the merge arrives. Only the few
 * newest are kept: a merge of long notes holds every line of three texts. FX thread only.
 */
public final class NotesPrefetch {
    /** The conflicts kept merged ahead, newest first. */
    static final int KEEP = 3;
    private static final Logger LOG = LoggerFactory.getLogger(NotesPrefetch.class);

    private final TaskExecutor executor;
    private final Map<String, PreparedNotes> ready = new HashMap<>();
    private final Set<String> running = new HashSet<>();

    public NotesPrefetch(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Keeps the notes of the first {@link #KEEP} of {@code newestFirst} merged; forgets the others. */
    public void keepFor(List<Conflict> newestFirst) {
        List<Conflict> wanted = newestFirst.subList(0, Math.min(KEEP, newestFirst.size()));
        Set<String> ids = new HashSet<>();
        wanted.forEach(c -> ids.add(c.conflictId()));
        ready.keySet().retainAll(ids);
        for (Conflict c : wanted) {
            PreparedNotes have = ready.get(c.conflictId());
            if ((have == null || !have.conflict().equals(c)) && running.add(c.conflictId())) {
                executor.compute(() -> PreparedNotes.of(c), prepared -> {
                    running.remove(c.conflictId());
                    ready.put(c.conflictId(), prepared);
                }, failure -> {
                    // The dialog merges them itself when it opens (and reports what fails there).
                    running.remove(c.conflictId());
                    LOG.warn("merging the notes of {} ahead failed", c.conflictId(), failure);
                });
            }
        }
    }

    /** The notes of exactly this conflict (the store's newest copy), if they are merged already. */
    public Optional<PreparedNotes> readyFor(Conflict conflict) {
        PreparedNotes have = ready.get(conflict.conflictId());
        return have != null && have.conflict().equals(conflict) ? Optional.of(have) : Optional.empty();
    }
}
