package dev.concord.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.api.FieldChange;
import dev.concord.api.FieldError;
import dev.concord.api.HistoryEntry;
import dev.concord.api.Json;
import dev.concord.api.ValidationException;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.importer.ImportTarget;
import dev.concord.importer.RowResult;
import dev.concord.importer.SourceRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's {@link ImportTarget}: writes import rows straight to the database through the code the API
 * uses ({@link CreateInput} and {@link PatchInput} checks, {@link RecordLifecycle#create}, the conditional
 * UPDATE, the change log), one transaction per batch. Running servers on the same database see the rows
 * as create and update events, since every one has its change-log row.
 *
 * <pre>{@code
 * try (RecordImport target = RecordImport.open(jdbcUrl, user, password, "import")) {
 *     ImportReport report = new Importer(target, progress).run(file, options);
 * }
 * }</pre>
 */
public final class RecordImport implements ImportTarget, AutoCloseable {
    private final Database db;
    private final ServerClock clock;
    private final String actor;

    private RecordImport(Database db, ServerClock clock, String actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * Connects to the service's database (migrating it first, as the server would) to import as {@code actor}.
     *
     * @throws IllegalStateException when the database cannot be used
     */
    public static RecordImport open(String jdbcUrl, String user, String password, String actor) {
        Database db = new Database(jdbcUrl, user, password);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return new RecordImport(db, new ServerClock(Clock.systemUTC()), actor);
    }

    /** The JDBC URL the server uses for an H2 data folder (the default database of {@code server --data}). */
    public static String h2Url(java.nio.file.Path dataDir) {
        return new ServerConfig(null, 0, dataDir, null, null, null, true, null).effectiveJdbcUrl();
    }

    @Override
    public List<RowResult> apply(EntityKind kind, List<SourceRow.Data> rows, Commit commit) {
        List<RowResult> results = new ArrayList<>();
        try {
            db.inTransaction(c -> {
                Instant now = clock.now();
                for (SourceRow.Data row : rows) {
                    results.add(applyRow(c, kind, row, now));
                }
                boolean problems = results.stream().anyMatch(r -> r.status().problem());
                if (commit == Commit.NEVER || commit == Commit.ONLY_IF_ALL_FINE && problems) {
                    throw new RollBack();
                }
                return null;
            });
        } catch (RollBack expected) {
            // Rolled back on purpose: a dry run, or an all-or-nothing batch with a problem.
        }
        return results;
    }

    private RowResult applyRow(Connection c, EntityKind kind, SourceRow.Data row, Instant now) throws SQLException {
        ObjectNode fields = Json.mapper().valueToTree(row.values());
        try {
            if (row.id() == null) {
                return create(c, kind, row, CreateInput.of(kind, fields), CreateInput.newId(kind), now);
            }
            Optional<Entity> any = RecordRows.readAny(c, kind, row.id());
            if (any.isEmpty()) {
                if (row.version() != null) {
                    return RowResult.invalid(row.row(), row.id(), "version", "There is no " + kind.singular() + " "
                            + row.id() + " to update; leave version empty to create it");
                }
                fields.put("id", row.id());
                return create(c, kind, row, CreateInput.of(kind, fields), row.id(), now);
            }
            Entity current = RecordRows.read(c, kind, row.id()).orElse(null);
            if (current == null) {
                return RowResult.conflict(row.row(), row.id(), any.get().version(), "This " + kind.singular()
                        + " is retired; an admin may restore it before it is updated");
            }
            if (row.version() == null) {
                return RowResult.conflict(row.row(), row.id(), current.version(), "Already exists at version "
                        + current.version() + "; give the version the row is based on (version column) to update it");
            }
            if (row.version() != current.version()) {
                return RowResult.conflict(row.row(), row.id(), current.version(), "Is at version " + current.version()
                        + " (last changed by " + current.updatedBy() + "), the row is based on version " + row.version()
                        + "; not overwritten");
            }
            return update(c, kind, row, current, PatchInput.checkedFields(kind, fields), now);
        } catch (ValidationException e) {
            FieldError first = e.fields().get(0);
            return RowResult.invalid(row.row(), row.id(), first.field(),
                    String.join("; ", e.fields().stream().map(FieldError::message).toList()));
        }
    }

    private RowResult create(Connection c, EntityKind kind, SourceRow.Data row, CreateInput input, String id,
                             Instant now) throws SQLException {
        LifecycleOutcome out = RecordLifecycle.create(c, kind, id, input.values(), actor, now);
        if (out instanceof LifecycleOutcome.Written w) {
            return new RowResult(row.row(), RowResult.Status.CREATED, id, w.entity().version(), null, null);
        }
        return RowResult.conflict(row.row(), id, null, "There already is a " + kind.singular() + " " + id);
    }

    private RowResult update(Connection c, EntityKind kind, SourceRow.Data row, Entity current,
                             Map<String, Object> given, Instant now) throws SQLException {
        Map<String, Object> changes = new LinkedHashMap<>();
        given.forEach((field, value) -> {
            if (!Objects.equals(current.values().get(field), value)) {
                changes.put(field, value);
            }
        });
        if (changes.isEmpty()) {
            return new RowResult(row.row(), RowResult.Status.UNCHANGED, current.id(), current.version(), null, null);
        }
        ReferenceChecks.check(c, kind, changes);
        long version = current.version();
        if (RecordRows.conditionalUpdate(c, kind, current.id(), version, changes, actor, now) == 0) {
            return RowResult.conflict(row.row(), current.id(), null, "Changed by someone else during the import; not overwritten");
        }
        List<FieldChange> diff = RecordWriter.diff(kind, current.values(), changes, null);
        ChangeLog.append(c, kind, current.id(), version + 1, actor, now, HistoryEntry.UPDATE, diff, null);
        return new RowResult(row.row(), RowResult.Status.UPDATED, current.id(), version + 1, null, null);
    }

    @Override
    public void close() {
        // Not db.close(): that would shut down an in-memory H2 database that a server here still uses.
        db.closePool();
    }

    /** Unwinds the batch's transaction so that the database rolls it back. */
    private static final class RollBack extends RuntimeException {
        RollBack() {
            super(null, null, false, false);
        }
    }
}
