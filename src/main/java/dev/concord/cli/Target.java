package dev.concord.cli;

import dev.concord.domain.EntityKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A record named on the command line as {@code KIND/ID}, e.g. {@code subscriptions/sub_0001}. */
record Target(EntityKind kind, String id) {
    static Target parse(String raw) {
        int slash = raw.indexOf('/');
        String kinds = Arrays.stream(EntityKind.values()).map(EntityKind::path).collect(Collectors.joining(", "));
        if (slash <= 0 || slash == raw.length() - 1 || raw.indexOf('/', slash + 1) >= 0) {
            throw new UsageException("Name a record as KIND/ID, such as subscriptions/sub_0001 (kinds: " + kinds
                    + "); got '" + raw + "'");
        }
        EntityKind kind = EntityKind.fromPath(raw.substring(0, slash)).orElseThrow(() -> new UsageException(
                "Unknown kind '" + raw.substring(0, slash) + "'; use one of " + kinds));
        return new Target(kind, raw.substring(slash + 1));
    }

    @Override
    public String toString() {
        return kind.path() + "/" + id;
    }
}
