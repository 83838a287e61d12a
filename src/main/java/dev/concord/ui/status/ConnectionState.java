package dev.concord.ui.status;

import dev.concord.i18n.Localization;

/** What the console last learned about the server. */
public enum ConnectionState {
    CHECKING("status.connection.checking"), CONNECTED("status.connection.connected"),
    UNREACHABLE("status.connection.unreachable");

    private final String key;

    ConnectionState(String key) {
        this.key = key;
    }

    /** The state in the agent's language. */
    public String label() {
        return Localization.lang(key);
    }
}
