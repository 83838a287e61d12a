package dev.concord.cli;

import dev.concord.api.ChangedField;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.sync.CreateOutcome;
import dev.concord.sync.RetireOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The verbs that make and retire records: {@code create} and {@code delete}, through the coordinator. */
final class RecordVerbs {
    private RecordVerbs() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a record. Give every required field as FIELD=VALUE; the server picks the id "
                    + "unless --id. Tags, features, notes and booleans may be left out.",
                    "Example: create subscriptions customerName='Ada Lovelace' customerEmail=ada@example.com "
                            + "planId=plan_basic status=active amount=9.99 currency=EUR billingCycle=monthly"})
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ConcordCli cli;

        @Parameters(index = "0", paramLabel = "KIND", description = "subscriptions, plans or invoices")
        String kind;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE",
                description = "Tags as a comma list, booleans true/false, dates yyyy-MM-dd, @FILE reads a file.")
        List<String> assignments;

        @Option(names = "--id", paramLabel = "ID", description = "The id to give it, such as sub_acme_01")
        String id;

        @Option(names = "--key", paramLabel = "KEY",
                description = "Idempotency key of an earlier attempt that could not reach the server: resending is safe")
        String key;

        @Override
        public Integer call() {
            EntityKind k = EntityKind.fromPath(kind).orElseThrow(() -> new UsageException("Unknown kind '" + kind
                    + "'; use one of " + Arrays.stream(EntityKind.values()).map(EntityKind::path)
                    .collect(Collectors.joining(", "))));
            Map<String, Object> values = FieldAssignments.parse(k, assignments);
            var lifecycle = cli.services().lifecycle();
            CreateOutcome outcome = key == null ? lifecycle.create(k, id, FieldValues.of(values))
                    : lifecycle.create(k, id, FieldValues.of(values), key);
            Printer printer = cli.printer();
            if (outcome instanceof CreateOutcome.Created c) {
                cli.lastSeen().remember(c.entity());
                printer.info("Created " + k.path() + "/" + c.entity().id() + " (version 1).");
                printer.record(c.entity());
                return ExitCode.OK;
            }
            if (outcome instanceof CreateOutcome.Unreachable u) {
                printer.error(u.reason() + ". It is not known whether it was created; run the same command with --key "
                        + u.idempotencyKey() + " to retry without making two.");
                return ExitCode.UNREACHABLE;
            }
            CreateOutcome.Refused r = (CreateOutcome.Refused) outcome;
            printer.error(r.reason());
            return ExitCode.USAGE;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Retire a record (a soft delete an admin can restore). It is retired only if it is still "
                    + "at the version you last saw (get), or --version N; if it changed since, nothing happens and "
                    + "you see what changed (exit 3)."})
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        ConcordCli cli;

        @Parameters(index = "0", paramLabel = "KIND/ID")
        String target;

        @Option(names = "--version", paramLabel = "N", description = "Retire version N (default: the one you last saw)")
        Long version;

        @Override
        public Integer call() {
            Target t = Target.parse(target);
            Printer printer = cli.printer();
            if (version != null && version < 1) {
                throw new UsageException("--version must be a version number from 1 up; got " + version);
            }
            long seen;
            if (version != null) {
                seen = version;
            } else {
                var copy = cli.lastSeen().lastSeen(t.kind(), t.id());
                if (copy.isPresent()) {
                    seen = copy.get().version();
                    printer.info("Retiring version " + seen + ", the one you last saw.");
                } else {
                    seen = cli.services().api().get(t.kind(), t.id()).version();
                    printer.info("Retiring the current version, " + seen + ".");
                }
            }
            RetireOutcome outcome = cli.services().lifecycle().retire(t.kind(), t.id(), seen);
            if (outcome instanceof RetireOutcome.Retired r) {
                printer.info("Retired " + t + " (now version " + r.deleted().version() + "). An admin can restore it.");
                return ExitCode.OK;
            }
            if (outcome instanceof RetireOutcome.Stale s) {
                cli.lastSeen().remember(s.current());
                printer.error(s.message());
                for (ChangedField c : s.changedSince()) {
                    printer.error("  " + c.field() + ": " + c.baseValue() + " -> " + c.currentValue() + " ("
                            + Printer.person(c.changedBy()) + ")");
                }
                printer.error("To retire it as it is now: ./launcher cli delete " + t + " --version " + s.current().version());
                return ExitCode.CONFLICT;
            }
            if (outcome instanceof RetireOutcome.AlreadyGone g) {
                printer.info(g.reason() + ".");
                return ExitCode.OK;
            }
            if (outcome instanceof RetireOutcome.Unreachable u) {
                printer.error(u.reason() + ". Nothing was retired.");
                return ExitCode.UNREACHABLE;
            }
            printer.error(((RetireOutcome.Refused) outcome).reason());
            return ExitCode.FAILED;
        }
    }
}
