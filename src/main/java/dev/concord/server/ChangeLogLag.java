package dev.concord.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code concord_changelog_lag} gauge's reading, taken at scrape time only. */
final class ChangeLogLag {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLogLag.class);

    private ChangeLogLag() {
    }

    /**
     * Change-log rows committed but not yet published on this instance: rows the event reader has not numbered
     * yet plus numbered rows after the hub's {@code head}. NaN when the database cannot say (the scrape goes on).
     */
    static double unpublished(Database db, long head) {
        try {
            return db.readOnce(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM change_log WHERE event_id IS NULL OR event_id > ?")) {
                    ps.setLong(1, head);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return (double) rs.getLong(1);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("change-log lag unknown: {}", e.getMessage());
            return Double.NaN;
        }
    }
}
