package dev.concord.app;

/** {@code ./launcher}: placeholder until the console lands; runs the demo server for now. */
final class ConsoleCommand {
    private ConsoleCommand() {
    }

    static int run(String[] args) {
        return ServerCommand.run(new String[] {"--demo"});
    }
}
