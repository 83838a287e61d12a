package dev.concord.app;

/** {@code ./launcher server}: placeholder until the service lands. */
final class ServerCommand {
    private ServerCommand() {
    }

    static int run(String[] args) {
        System.err.println("server: not built yet");
        return 1;
    }
}
