package dev.concord.reliability;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every row of every table a server writes, read straight from its database with JDBC (not through the
 * API under test), so two snapshots compare equal only if nothing at all was written in between.
 */
record DatabaseSnapshot(Map<String, List<String>> tables) {
    /** The tables and the order that makes their dump deterministic. */
    private static final Map<String, String> ORDER = Map.of(
            "plans", "id", "subscriptions", "id", "invoices", "id",
            "change_log", "seq", "idempotency_keys", "actor, idem_key");

    static DatabaseSnapshot of(ConcordServer server) {
        return of(server.config());
    }

    static DatabaseSnapshot of(ServerConfig config) {
        try (Connection c = DriverManager.getConnection(config.effectiveJdbcUrl(), config.dbUser(), config.dbPassword())) {
            return of(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database of " + config, e);
        }
    }

    static DatabaseSnapshot of(Connection c) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : List.of("plans", "subscriptions", "invoices", "change_log", "idempotency_keys")) {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + ORDER.get(table))) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        // The event hub numbers committed change-log rows in the background, after the write
                        // that made them: that bookkeeping is not a write by the request under test.
                        if (md.getColumnLabel(i).equalsIgnoreCase("event_id")) {
                            continue;
                        }
                        row.append(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT)).append('=')
                                .append(rs.getString(i)).append('\u001f');
                    }
                    rows.add(row.toString());
                }
            }
            tables.put(table, List.copyOf(rows));
        }
        return new DatabaseSnapshot(Map.copyOf(tables));
    }

    /** The same snapshot without the rows of {@code table} that {@code drop} selects. */
    DatabaseSnapshot without(String table, Predicate<String> drop) {
        Map<String, List<String>> copy = new LinkedHashMap<>(tables);
        copy.put(table, tables.get(table).stream().filter(drop.negate()).toList());
        return new DatabaseSnapshot(Map.copyOf(copy));
    }

    int rowCount() {
        return tables.values().stream().mapToInt(List::size).sum();
    }
}
