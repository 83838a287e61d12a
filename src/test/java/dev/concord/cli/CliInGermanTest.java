package dev.concord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.i18n.Language;
import dev.concord.i18n.Localization;
import dev.concord.testing.InLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.net.ServerSocket;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line in German: the usage help and the mistakes people make, without a server. Scripts read
 * exit codes, which stay as they are in every language.
 */
@InLanguage("de")
class CliInGermanTest {
    private String out;
    private String err;

    private int cli(String... args) {
        CliRun run = CliRun.as("t", args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    @Test
    void theHelpIsInGerman() {
        assertThat(cli("--help")).isZero();
        assertThat(out).startsWith("Aufruf: ./launcher cli")
                .contains("Befehle:")
                .contains("Concord-Datensätze auf der Befehlszeile lesen und bearbeiten")
                .contains("Zeigt diese Hilfe an")
                .contains("Der Server, mit dem gearbeitet wird")
                .contains("Zeigt einen Datensatz an.")
                .contains("Rückgabewerte: 0 gespeichert")
                .doesNotContain("Show this help").doesNotContain("Commands:").doesNotContain("Usage:");
    }

    @Test
    void aVerbsHelpIsInGermanToo() {
        assertThat(cli("edit", "--help")).isZero();
        assertThat(out).contains("Ändert Felder eines Datensatzes").contains("Bearbeitet ab Version N")
                .contains("Der Datensatz, zum Beispiel subscriptions/sub_0001");
        assertThat(cli("merge-text", "--help")).isZero();
        assertThat(out).contains("Dreiwege-Zusammenführung").contains("255, wenn eine Datei");
    }

    @Test
    void typicalMistakesAreSaidInGermanWithTheirExitCodes() {
        assertThat(cli("--bogus")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Unbekannte Option: --bogus.").contains("Aufruf: ./launcher cli");
        assertThat(cli("gett", "subscriptions/sub_0001")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Unbekannter Befehl").contains("Meinten Sie get");
        assertThat(cli("edit")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Es fehlt: KIND/ID.");
        assertThat(cli("get", "abonnements/sub_0001")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Unbekannte Art „abonnements“; verwenden Sie eine von subscriptions, plans, invoices");
        assertThat(cli("edit", "subscriptions/sub_0001", "--base", "zwei", "status=paused")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("„zwei“ ist kein gültiger Wert für --base.");
        assertThat(cli("merge-text", "nur-eine-datei")).isEqualTo(MergeTextCommand.ERROR);
        assertThat(err).contains("Es fehlt: BASE.").contains("Aufruf: ./launcher cli merge-text MINE BASE THEIRS");
        assertThat(err + out).doesNotContain("Exception").doesNotContain("Missing").doesNotContain("Unknown");
    }

    /** Why an edit was not saved is sync's code, worded here; the pending list reads it back from the store. */
    @Test
    void anEditKeptOfflineSaysWhyInGermanAndThePendingListToo(@TempDir Path home) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String server = "http://127.0.0.1:" + closed;
        assertThat(cli("edit", "subscriptions/sub_0042", "notes=offline", "--server", server,
                "--home", home.toString())).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(out).contains("Noch nicht gespeichert: der Server war nicht erreichbar, und Sie haben keine Kopie "
                + "von subscriptions/sub_0042");
        assertThat(cli("pending", "--server", server, "--home", home.toString())).isZero();
        assertThat(out).contains("letzter Fehler: der Server war nicht erreichbar").doesNotContain("kept offline");
    }

    /** Every option and parameter of every command has its own text in every language: none shows a key. */
    @Test
    void everyHelpTextComesFromTheBundlesInEveryLanguage() {
        for (Language language : Language.values()) {
            Localization.use(language.locale());
            CommandLine root = new CommandLine(new ConcordCli(null, null));
            root.addSubcommand("merge-text", new MergeTextCommand(null, null));
            CliHelp.apply(root);
            List<String> texts = new ArrayList<>();
            collect(root.getCommandSpec(), texts);
            assertThat(texts).as(language + ": help texts").isNotEmpty()
                    .noneMatch(t -> t.isBlank() || t.matches("(cli|mixinStandardHelpOptions)\\.[\\w.]+"));
        }
        Localization.use(Locale.GERMAN);
    }

    private static void collect(CommandSpec spec, List<String> texts) {
        texts.addAll(List.of(spec.usageMessage().description()));
        for (ArgSpec arg : spec.args()) {
            if (arg.hidden()) {
                continue; // kept only to be refused with a message (--token), never shown in help
            }
            assertThat(arg.description()).as(spec.qualifiedName() + " " + arg).isNotEmpty();
            texts.addAll(List.of(arg.description()));
        }
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), texts));
    }
}
