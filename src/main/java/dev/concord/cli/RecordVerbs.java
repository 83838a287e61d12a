package dev.concord.cli;

import dev.concord.wording.DependentsWords;
import dev.concord.wording.ReasonWords;
import static dev.concord.i18n.Localization.lang;

import dev.concord.api.ChangedField;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.sync.CreateOutcome;
import dev.concord.sync.RetireOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The verbs that make and retire records: {@code create} and {@code delete}, through the coordinator. */
final class RecordVerbs {
    private RecordVerbs() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"cli.help.create", "cli.help.createExample"})
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ConcordCli cli;

        @Parameters(index = "0", paramLabel = "KIND", descriptionKey = "cli.param.kind")
        String kind;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE",
                descriptionKey = "cli.param.assignments")
        List<String> assignments;

        @Option(names = "--id", paramLabel = "ID", descriptionKey = "cli.opt.id")
        String id;

        @Option(names = "--key", paramLabel = "KEY",
                descriptionKey = "cli.opt.key")
        String key;

        @Override
        public Integer call() {
            EntityKind k = Target.kind(kind);
            Map<String, Object> values = FieldAssignments.parse(k, assignments);
            var lifecycle = cli.services().lifecycle();
            CreateOutcome outcome = key == null ? lifecycle.create(k, id, FieldValues.of(values))
                    : lifecycle.create(k, id, FieldValues.of(values), key);
            Printer printer = cli.printer();
            if (outcome instanceof CreateOutcome.Created c) {
                cli.lastSeen().remember(c.entity());
                printer.info(lang("cli.create.created", k.path() + "/" + c.entity().id()));
                printer.record(c.entity());
                return ExitCode.OK;
            }
            if (outcome instanceof CreateOutcome.Unreachable u) {
                printer.error(lang("cli.create.unreachable", u.idempotencyKey()));
                return ExitCode.UNREACHABLE;
            }
            CreateOutcome.Refused r = (CreateOutcome.Refused) outcome;
            printer.error(lang("cli.create.refused", ReasonWords.refused(r.reason(), r.fieldErrors(), null)));
            return ExitCode.USAGE;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "cli.help.delete")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        ConcordCli cli;

        @Parameters(index = "0", paramLabel = "KIND/ID", descriptionKey = "cli.param.target")
        String target;

        @Option(names = "--version", paramLabel = "N", descriptionKey = "cli.opt.version")
        Long version;

        @Override
        public Integer call() {
            Target t = Target.parse(target);
            Printer printer = cli.printer();
            if (version != null && version < 1) {
                throw new UsageException(lang("cli.error.badVersion", "--version", String.valueOf(version)));
            }
            long seen;
            if (version != null) {
                seen = version;
            } else {
                var copy = cli.lastSeen().lastSeen(t.kind(), t.id());
                if (copy.isPresent()) {
                    seen = copy.get().version();
                    printer.info(lang("cli.delete.lastSeen", String.valueOf(seen)));
                } else {
                    seen = cli.services().api().get(t.kind(), t.id()).version();
                    printer.info(lang("cli.delete.current", String.valueOf(seen)));
                }
            }
            RetireOutcome outcome = cli.services().lifecycle().retire(t.kind(), t.id(), seen);
            if (outcome instanceof RetireOutcome.Retired r) {
                printer.info(lang("cli.delete.retired", t.toString(), String.valueOf(r.deleted().version())));
                return ExitCode.OK;
            }
            if (outcome instanceof RetireOutcome.Stale s) {
                cli.lastSeen().remember(s.current());
                printer.error(lang("cli.delete.stale", t.toString(), String.valueOf(s.seenVersion()),
                        String.valueOf(s.current().version())));
                for (ChangedField c : s.changedSince()) {
                    printer.error("  " + c.field() + ": " + c.baseValue() + " -> " + c.currentValue() + " ("
                            + Printer.person(c.changedBy()) + ")");
                }
                printer.error(lang("cli.delete.asItIsNow", printer.commandName() + " delete " + t + " --version "
                        + s.current().version()));
                return ExitCode.CONFLICT;
            }
            if (outcome instanceof RetireOutcome.AlreadyGone g) {
                printer.info(lang("cli.delete.gone", t.toString(), ReasonWords.of(g.reason())));
                return ExitCode.OK;
            }
            if (outcome instanceof RetireOutcome.Unreachable u) {
                printer.error(lang("cli.delete.unreachable"));
                return ExitCode.UNREACHABLE;
            }
            printer.error(lang("retire.notRetired", DependentsWords.of((RetireOutcome.Refused) outcome)));
            return ExitCode.FAILED;
        }
    }
}
