package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import dev.concord.domain.EntityKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A record named on the command line as {@code KIND/ID}, e.g. {@code subscriptions/sub_0001}. */
record Target(EntityKind kind, String id) {
    static Target parse(String raw) {
        int slash = raw.indexOf('/');
        if (slash <= 0 || slash == raw.length() - 1 || raw.indexOf('/', slash + 1) >= 0) {
            throw new UsageException(lang("cli.error.target", kinds(), raw));
        }
        return new Target(kind(raw.substring(0, slash)), raw.substring(slash + 1));
    }

    /** A kind named alone ({@code subscriptions}), or a usage error that lists the kinds there are. */
    static EntityKind kind(String raw) {
        return EntityKind.fromPath(raw).orElseThrow(() -> new UsageException(lang("cli.error.unknownKind", raw, kinds())));
    }

    private static String kinds() {
        return Arrays.stream(EntityKind.values()).map(EntityKind::path).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return kind.path() + "/" + id;
    }
}
