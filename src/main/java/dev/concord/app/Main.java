package dev.concord.app;

import dev.concord.sync.SyncServices;
import java.util.Arrays;

/**
 * Entry point behind {@code ./launcher}: the first argument picks the program. A plain class, not a
 * JavaFX Application, so it starts from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String verb = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        // The console and the command line log to a file of their own and only warn on the terminal; the
        // service, the self-check and --version keep logback.xml (stderr).
        switch (verb) {
            case "server", "--self-check", "self-check", "--version", "version" -> { }
            case "cli" -> ConsoleLogging.install(SyncServices.concordHome(), "cli");
            default -> {
                // The window toolkit starts first, beside everything else the console does before its window.
                FxToolkit.startEarly(args);
                ConsoleLogging.install(SyncServices.concordHome(), "console");
            }
        }
        int code = switch (verb) {
            case "server" -> ServerCommand.run(rest);
            case "cli" -> {
                ChosenLanguage.Choice language = ChosenLanguage.of(SyncServices.concordHome(), System.getenv());
                dev.concord.i18n.Localization.use(language.chosen(), language.system());
                yield dev.concord.cli.CliMain.run(rest);
            }
            case "--self-check", "self-check" -> SelfCheck.run();
            case "--version", "version" -> {
                System.out.println("Concord " + Version.current());
                yield 0;
            }
            default -> ConsoleCommand.run(args);
        };
        if (code != 0 || !"".equals(verb) && !"console".equals(verb)) {
            System.exit(code);
        }
    }
}
