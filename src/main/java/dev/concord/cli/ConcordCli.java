package dev.concord.cli;

import dev.concord.sync.Reason;
import static dev.concord.i18n.Localization.lang;

import dev.concord.client.OkHttpConcordApi;
import dev.concord.client.ServerUnreachableException;
import dev.concord.domain.Entity;
import dev.concord.domain.FieldValues;
import dev.concord.merge.FieldConflict;
import dev.concord.sync.Conflict;
import dev.concord.sync.PendingEdit;
import dev.concord.sync.SaveOutcome;
import dev.concord.sync.DataFolder;
import dev.concord.sync.SyncServices;
import dev.concord.wording.DataFolderWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** The verbs of {@code ./launcher cli}; connection options may stand before or after the verb. */
@Command(name = "./launcher cli", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = ConcordCli.JarVersion.class,
        subcommands = {RecordList.class, RecordVerbs.Create.class, RecordVerbs.Delete.class, SignInVerbs.Login.class,
                SignInVerbs.Logout.class, SignInVerbs.WhoAmI.class},
        description = "cli.help.description", footer = {"", "cli.help.exitCodes"})
final class ConcordCli implements Runnable {
    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            descriptionKey = "cli.opt.server")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT, hidden = true) // refused: TokenInput
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            descriptionKey = "cli.opt.tokenFile")
    Path tokenFile;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            descriptionKey = "cli.opt.home")
    Path home;
    private Path checkedHome;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, descriptionKey = "cli.opt.verbose")
    boolean verbose;

    private final Printer printer;
    private final CliEnvironment environment;
    private Credentials credentials;
    private SyncServices services;

    /** The version written into the jar's manifest ("dev" when run from classes). */
    static final class JarVersion implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ConcordCli.class.getPackage().getImplementationVersion();
            return new String[] {"Concord " + (v == null ? "dev" : v)};
        }
    }

    ConcordCli(Printer printer, CliEnvironment environment) {
        this.printer = printer;
        this.environment = environment;
    }

    CliEnvironment environment() {
        return environment;
    }

    /** The data folder, checked (made when missing) once: a command that cannot keep its data changes nothing. */
    Path home() {
        if (checkedHome == null) {
            Path folder = home != null ? home : SyncServices.concordHome();
            DataFolder.check(folder).ifPresent(problem -> {
                throw new UsageException(DataFolderWords.of(folder, problem));
            });
            checkedHome = folder;
        }
        return checkedHome;
    }

    /** The server and credentials of this command (see {@link Credentials}). */
    Credentials credentials() {
        if (credentials == null) {
            credentials = Credentials.resolve(server, token, tokenFile, environment, home());
        }
        return credentials;
    }

    @Override
    public void run() {
        throw new UsageException(lang("cli.error.noVerb"));
    }

    Printer printer() {
        return printer;
    }

    SyncServices services() {
        if (services == null) {
            Credentials c = credentials();
            services = SyncServices.forUser(new OkHttpConcordApi(c.server(), c.tokens()), c.folderKey(), home());
        }
        return services;
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "cli.help.get")
    int get(@Parameters(paramLabel = "KIND/ID", descriptionKey = "cli.param.target") String target) {
        Target t = Target.parse(target);
        Entity entity = services().api().get(t.kind(), t.id());
        lastSeen().remember(entity);
        printer.record(entity);
        return ExitCode.OK;
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "cli.help.history")
    int history(@Parameters(paramLabel = "KIND/ID", descriptionKey = "cli.param.target") String target) {
        Target t = Target.parse(target);
        printer.history(t.kind(), services().api().history(t.kind(), t.id()));
        return ExitCode.OK;
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "cli.help.edit")
    int edit(@Parameters(index = "0", paramLabel = "KIND/ID", descriptionKey = "cli.param.target") String target,
             @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE",
                     descriptionKey = "cli.param.assignments")
             List<String> changes,
             @Option(names = "--base", paramLabel = "N",
                     descriptionKey = "cli.opt.base") Long base) {
        Target t = Target.parse(target);
        Map<String, Object> values = FieldAssignments.parse(t.kind(), changes);
        if (base != null && base < 1) {
            throw new UsageException(lang("cli.error.badVersion", "--base", String.valueOf(base)));
        }
        Entity from;
        try {
            from = loadBase(t, base);
        } catch (ServerUnreachableException e) {
            if (base != null) {
                throw e;
            }
            // Never fetched, so no base to edit from: keep the fields as typed; the retry applies them to the
            // record as it was now, and shows as a conflict whatever someone changed in them meanwhile.
            return printer.outcome(services().coordinator().keepUnfetched(t.kind(), t.id(), FieldValues.of(values),
                    Reason.about(Reason.Code.KEPT_UNFETCHED, t.toString(), "kept offline without a copy of " + t)));
        }
        FieldValues mine = from.values().withAll(values);
        if (mine.changedFrom(from.values()).isEmpty()) {
            printer.info(lang("cli.edit.nothingToSave", t.toString(), String.valueOf(from.version()), values.size()));
            return ExitCode.OK;
        }
        return printer.outcome(remembered(services().coordinator().save(from, mine)));
    }

    /** Every save that lands refreshes the last copy, so a later offline edit starts from what was saved. */
    private SaveOutcome remembered(SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved saved) {
            lastSeen().remember(saved.entity());
        }
        return outcome;
    }

    /**
     * The record to edit from: the latest (or version {@code base}) from the server; when the server
     * cannot be reached, the last copy this user read, so the edit can still be kept as pending.
     */
    private Entity loadBase(Target t, Long base) {
        try {
            Entity from = base == null ? services().api().get(t.kind(), t.id())
                    : services().api().getVersion(t.kind(), t.id(), base);
            if (base == null) {
                lastSeen().remember(from);
            }
            return from;
        } catch (ServerUnreachableException e) {
            Entity copy = lastSeen().lastSeen(t.kind(), t.id())
                    .filter(c -> base == null || c.version() == base)
                    .orElseThrow(() -> e);
            printer.info(lang("cli.edit.fromLastCopy", "v" + copy.version()));
            return copy;
        }
    }

    LastSeenRecords lastSeen() {
        return new LastSeenRecords(home().resolve(services().user()).resolve("records"));
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true, description = "cli.help.conflicts")
    int conflicts() {
        printer.conflicts(services().store().conflicts());
        return ExitCode.OK;
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true, description = "cli.help.resolve")
    int resolve(@Parameters(index = "0", paramLabel = "CONFLICT_ID", descriptionKey = "cli.param.conflictId") String conflictId,
                @Option(names = "--take", required = true, paramLabel = "mine|theirs|FIELD=mine|theirs",
                        descriptionKey = "cli.opt.take")
                List<String> takes) {
        Conflict conflict = services().store().conflict(conflictId).orElseThrow(() -> new UsageException(
                lang("cli.error.noConflict", conflictId, printer.commandName() + " conflicts")));
        Map<String, Object> resolution = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> choice : choices(conflict, takes).entrySet()) {
            String field = choice.getKey();
            resolution.put(field, choice.getValue() ? conflict.mine().get(field) : conflict.theirs().values().get(field));
        }
        SaveOutcome outcome = remembered(services().coordinator().resolve(conflictId,
                conflict.mergedSoFar().withAll(resolution)));
        if (outcome instanceof SaveOutcome.Saved) {
            printer.info(lang("cli.resolve.resolved", conflictId));
        }
        return printer.outcome(outcome);
    }

    @Command(name = "pending", mixinStandardHelpOptions = true, description = "cli.help.pending")
    int pending() {
        printer.pending(services().store().pending());
        return ExitCode.OK;
    }

    @Command(name = "retry", mixinStandardHelpOptions = true, description = "cli.help.retry")
    int retry(@Parameters(arity = "0..1", paramLabel = "PENDING_ID", descriptionKey = "cli.param.pendingId") String pendingId) {
        List<PendingEdit> edits = new ArrayList<>();
        if (pendingId != null) {
            edits.add(services().store().pendingEdit(pendingId).orElseThrow(() -> new UsageException(
                    lang("cli.error.noPending", pendingId, printer.commandName() + " pending"))));
        } else {
            edits.addAll(services().store().pending());
        }
        if (edits.isEmpty()) {
            printer.info(lang("cli.pending.none"));
            return ExitCode.OK;
        }
        int worst = ExitCode.OK;
        for (PendingEdit edit : edits) {
            printer.info(edit.pendingId() + " (" + edit.kind().path() + "/" + edit.entityId() + "):");
            worst = worse(worst, printer.outcome(remembered(services().coordinator().retryPending(edit.pendingId()))));
        }
        return worst;
    }

    /** true = mine, false = theirs, for every conflicting field. */
    private static Map<String, Boolean> choices(Conflict conflict, List<String> takes) {
        List<String> fields = conflict.conflicts().stream().map(FieldConflict::field).toList();
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String take : takes) {
            int eq = take.indexOf('=');
            if (eq < 0) {
                boolean mine = side(take);
                fields.forEach(f -> out.put(f, mine));
                continue;
            }
            String field = take.substring(0, eq);
            if (!fields.contains(field)) {
                throw new UsageException(lang("cli.error.fieldNotInConflict", field, conflict.conflictId(),
                        String.join(", ", fields)));
            }
            out.put(field, side(take.substring(eq + 1)));
        }
        List<String> missing = fields.stream().filter(f -> !out.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new UsageException(lang("cli.error.takeMissing", String.join(", ", missing), missing.get(0)));
        }
        return out;
    }

    private static boolean side(String raw) {
        return switch (raw) {
            case "mine", "yours" -> true;
            case "theirs" -> false;
            default -> throw new UsageException(lang("cli.error.takeSide", raw));
        };
    }

    /** For a batch: still unreachable outranks a conflict, which outranks a failure. */
    private static int worse(int a, int b) {
        List<Integer> rank = List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.FAILED, ExitCode.CONFLICT,
                ExitCode.UNREACHABLE);
        return rank.indexOf(a) >= rank.indexOf(b) ? a : b;
    }
}
