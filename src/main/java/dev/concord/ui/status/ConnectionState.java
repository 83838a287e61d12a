package dev.concord.ui.status;

/** What the console last learned about the server. */
public enum ConnectionState {
    CHECKING("Connecting..."), CONNECTED("Connected"), UNREACHABLE("Server unreachable");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
