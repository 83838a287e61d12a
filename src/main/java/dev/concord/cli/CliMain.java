package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import ch.qos.logback.classic.Level;
import dev.concord.auth.SignInException;
import dev.concord.wording.SignInWords;
import dev.concord.client.ApiException;
import dev.concord.client.AuthException;
import dev.concord.client.NotFoundException;
import dev.concord.client.ServerUnreachableException;
import dev.concord.client.SessionExpiredException;
import dev.concord.client.ValidationFailedException;
import dev.concord.i18n.ProblemWords;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code ./launcher cli [--server URL] [--token-file F] VERB ARGS...}: get, history, edit, conflicts,
 * resolve, pending, retry, login, logout, whoami, and the local {@code merge-text}. Exit codes are in {@link ExitCode}. Never prints a stack trace; details of an
 * unexpected failure are logged with {@code --verbose}.
 */
public final class CliMain {
    private static final Logger LOG = LoggerFactory.getLogger(CliMain.class);

    private CliMain() {
    }

    public static int run(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(args, out, err);
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, CliEnvironment.system());
    }

    /** As above, with the environment, secret store and browser given (tests). */
    static int run(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        quietLogs(verbose);
        // The installed program (a jpackage launcher sets jpackage.app-path) is /usr/bin/concord, not the clone's
        // launcher: usage lines name the command an agent actually types.
        String name = System.getProperty("jpackage.app-path") != null ? "concord cli" : "./launcher cli";
        Printer printer = new Printer(out, err, name);
        CommandLine cmd = new CommandLine(new ConcordCli(printer, environment));
        // Local, no server: its own class and exit codes (the number of conflicts, as git merge-file).
        cmd.addSubcommand("merge-text", new MergeTextCommand(out, err));
        cmd.setCommandName(name);
        CliHelp.apply(cmd);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, arguments) -> {
            err.println(ParameterErrors.describe(ex));
            if (ex.getCommandLine().getCommand() instanceof MergeTextCommand) {
                // Its small exit codes count conflicts, so a usage error must not look like one.
                err.println(lang("cli.usage.mergeText", name + " merge-text"));
                err.flush();
                return MergeTextCommand.ERROR;
            }
            err.println(lang("cli.usage.short", name));
            err.flush();
            return ExitCode.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, command, parsed) -> failure(ex, printer, verbose));
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int failure(Exception ex, Printer printer, boolean verbose) {
        if (ex instanceof UsageException) {
            printer.error(ex.getMessage());
            return ExitCode.USAGE;
        }
        if (ex instanceof ServerUnreachableException) {
            LOG.debug("server unreachable", ex);
            printer.error(lang("cli.error.unreachable"));
            return ExitCode.UNREACHABLE;
        }
        if (ex instanceof NotFoundException) {
            printer.error(lang("cli.error.notFound"));
            return ExitCode.USAGE;
        }
        if (ex instanceof ValidationFailedException invalid) {
            printer.error(lang("cli.error.invalid", invalid.fields().isEmpty()
                    ? ProblemWords.ofCode(invalid.code()) : String.join(lang("list.separator"), invalid.fields().stream()
                    .map(f -> ProblemWords.fieldError(f.field(), f.code())).toList())));
            return ExitCode.USAGE;
        }
        if (ex instanceof SignInException signIn) {
            LOG.debug("sign-in failed ({})", signIn.reason(), signIn);
            printer.error(SignInWords.of(signIn));
            return ExitCode.FAILED;
        }
        if (ex instanceof SessionExpiredException) {
            printer.error(lang("cli.sessionEnded"));
            return ExitCode.FAILED;
        }
        if (ex instanceof AuthException auth) {
            printer.error(lang("cli.error.notAllowed", ProblemWords.ofCode(auth.code())));
            return ExitCode.FAILED;
        }
        if (ex instanceof ApiException api) {
            LOG.debug("refused: {} {} {}", api.status(), api.code(), api.getMessage());
            printer.error(lang("cli.error.server", ProblemWords.ofCode(api.code()), api.code()));
            return ExitCode.FAILED;
        }
        LOG.debug("cli failed", ex);
        // No class names for the agent; --verbose (for whoever looks into it) adds what failed, as Java says it.
        printer.error(lang("cli.error.unexpected"));
        if (verbose) {
            printer.error(String.valueOf(ex));
        }
        return ExitCode.FAILED;
    }

    /**
     * The coordinator logs retries and rebases at INFO, which belongs in the console's log, not between
     * the lines a script reads. Logback is the binding on our class path.
     */
    private static void quietLogs(boolean verbose) {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.DEBUG : Level.WARN);
        }
    }
}
