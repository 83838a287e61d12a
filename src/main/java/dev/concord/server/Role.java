package dev.concord.server;

import java.util.Locale;
import java.util.Optional;

/** What a token may do: viewers read, agents also edit, admins also force overrides. */
enum Role {
    VIEWER, AGENT, ADMIN;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean mayEdit() {
        return this != VIEWER;
    }

    boolean mayOverride() {
        return this == ADMIN;
    }

    static Optional<Role> fromWire(String s) {
        for (Role r : values()) {
            if (r.wire().equals(s)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
