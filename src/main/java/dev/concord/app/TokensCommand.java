package dev.concord.app;

import dev.concord.server.ServerAdmin;
import dev.concord.server.TokenAdmin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code concord-server tokens add | list | revoke}: the tokens file of server.conf, edited by an administrator.
 * A running server reads the file again within seconds, so none of these needs a restart.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manages the tokens file.",
        subcommands = {TokensCommand.Add.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Callable<Integer> {
    @ParentCommand
    ServerMain parent;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }

    /** What a subcommand does to the file; an IllegalArgumentException names a mistake of the admin. */
    private interface OnFile {
        void run(Path file) throws IOException;
    }

    /** Runs {@code action} on the configured tokens file: exit 0, 2 for a mistake (said), 1 when I/O failed. */
    private int onFile(String doing, OnFile action) {
        ServerConfFile conf = parent.load(System.err);
        if (conf == null) {
            return 2;
        }
        Path file = conf.config().tokensFile();
        if (file == null) {
            System.err.println("concord-server: the configuration names no tokens-file");
            return 2;
        }
        try {
            action.run(file);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("concord-server: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("concord-server: cannot " + doing + " " + file + ": " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Makes a new token for NAME with ROLE (viewer, agent, admin), stores only its hash, "
                    + "prints the token once.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "ROLE")
        String role;

        @Override
        public Integer call() {
            return tokens.onFile("write", file -> {
                String token = ServerAdmin.addToken(file, name, role);
                System.out.println(token);
                System.err.println("added " + role + " token for " + name + " to " + file
                        + "; it is shown only now. A running server takes it up within a few seconds.");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists who has a token and with which role (the tokens themselves are not kept).")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Override
        public Integer call() {
            return tokens.onFile("read", file -> {
                List<TokenAdmin.Listed> all = TokenAdmin.list(file);
                System.out.printf("%-30s %-7s %s%n", "NAME", "ROLE", "ID");
                all.forEach(t -> System.out.printf("%-30s %-7s %s%n", t.actor(), t.role(), t.id()));
                System.err.println(all.size() + " token(s) in " + file);
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Removes NAME's tokens from the tokens file (only the one with --id when NAME has "
                    + "several). A running server refuses them within a few seconds."})
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        TokensCommand tokens;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--id", paramLabel = "ID", description = "The token's id as 'tokens list' shows it (or its start)")
        String id;

        @Override
        public Integer call() {
            return tokens.onFile("write", file -> {
                int removed = TokenAdmin.revoke(file, name, id);
                System.err.println("revoked " + removed + " token(s) of " + name + " in " + file
                        + "; a running server refuses them within a few seconds.");
            });
        }
    }
}
