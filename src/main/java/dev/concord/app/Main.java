package dev.concord.app;

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
        int code = switch (verb) {
            case "server" -> ServerCommand.run(rest);
            case "cli" -> dev.concord.cli.CliMain.run(rest);
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
