package dev.concord.server;

import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lists records a page at a time, in id order, filtered by a free-text query and a status. */
final class RecordSearch {
    private final Database db;

    RecordSearch(Database db) {
        this.db = db;
    }

    RecordPage list(EntityKind kind, String q, String status, int limit, String afterId) {
        EntityTable t = EntityTable.of(kind);
        StringBuilder sql = new StringBuilder("SELECT " + t.selectColumns() + " FROM " + t.table()
                // Retired (soft-deleted) records are kept for their history but never listed.
                + " WHERE deleted_at IS NULL");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            List<String> searched = searchedColumns(kind);
            sql.append(" AND (");
            for (int i = 0; i < searched.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("LOWER(").append(searched.get(i)).append(") LIKE ? ESCAPE '!'");
                params.add("%" + likeEscape(q.trim().toLowerCase(Locale.ROOT)) + "%");
            }
            sql.append(")");
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (afterId != null) {
            sql.append(" AND id > ?");
            params.add(afterId);
        }
        sql.append(" ORDER BY id LIMIT ?");
        params.add(limit + 1);
        return db.inTransaction(c -> {
            List<Entity> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(t.read(rs));
                    }
                }
            }
            if (items.size() > limit) {
                List<Entity> page = items.subList(0, limit);
                return new RecordPage(List.copyOf(page), page.get(limit - 1).id());
            }
            return new RecordPage(items, null);
        });
    }

    private static List<String> searchedColumns(EntityKind kind) {
        return switch (kind) {
            case SUBSCRIPTION -> List.of("id", "customer_name", "customer_email", "notes");
            case PLAN -> List.of("id", "name", "tier");
            case INVOICE -> List.of("id", "invoice_number", "subscription_id", "notes");
        };
    }

    private static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
