package dev.concord.cli;

/** {@code ./launcher cli}: placeholder until the sync core lands. */
public final class CliMain {
    private CliMain() {
    }

    public static int run(String[] args) {
        System.err.println("cli: not built yet");
        return 1;
    }
}
