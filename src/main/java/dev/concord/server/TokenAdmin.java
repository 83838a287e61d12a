package dev.concord.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What an administrator does to the tokens file besides adding a token: list who has one, and revoke. Used by
 * {@code concord-server tokens list | revoke}. A running server reads the file again within seconds
 * ({@link TokensFileWatcher}), so a revoked token stops working without a restart.
 */
public final class TokenAdmin {
    /** Hex characters of a token's hash shown as its id: enough to tell one person's tokens apart. */
    static final int ID_LENGTH = 12;

    /**
     * One token in the file, never the token itself.
     *
     * @param id the first {@value #ID_LENGTH} hex characters of its hash, to revoke one of several tokens of a person
     */
    public record Listed(String actor, String role, String id) {
    }

    private TokenAdmin() {
    }

    /** The tokens in file order. @throws IllegalArgumentException naming the file and line of a bad line */
    public static List<Listed> list(Path file) throws IOException {
        List<Listed> out = new ArrayList<>();
        for (TokenStore.Entry e : TokenStore.fromFile(file).entries()) {
            out.add(new Listed(e.actor(), e.role().wire(), HexFormat.of().formatHex(e.hash()).substring(0, ID_LENGTH)));
        }
        return out;
    }

    /**
     * Removes {@code actor}'s tokens from the file, or only the one whose id starts with {@code idPrefix} when it is
     * given. The file is replaced whole (written beside it, then renamed), keeping its comments, permissions and
     * group, so a server reading it at that moment sees the old file or the new one, never half of it.
     *
     * @return how many tokens were removed (at least one)
     * @throws IllegalArgumentException when no token matches (nothing changes), or the id matches several
     */
    public static int revoke(Path file, String actor, String idPrefix) throws IOException {
        TokenStore.fromFile(file);
        String prefix = idPrefix == null ? null : idPrefix.strip().toLowerCase(Locale.ROOT);
        List<String> kept = new ArrayList<>();
        int removed = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split("\\s+");
            boolean token = parts.length == 3 && !line.strip().startsWith("#");
            if (token && parts[1].equals(actor) && (prefix == null || parts[0].toLowerCase(Locale.ROOT).startsWith(prefix))) {
                removed++;
            } else {
                kept.add(line);
            }
        }
        if (removed == 0) {
            throw new IllegalArgumentException(prefix == null ? "There is no token for " + actor + " in " + file
                    : "There is no token of " + actor + " whose id starts with " + prefix + " in " + file
                    + " (see: concord-server tokens list)");
        }
        if (prefix != null && removed > 1) {
            throw new IllegalArgumentException("The id " + prefix + " matches " + removed + " tokens of " + actor
                    + "; give more of it (see: concord-server tokens list). Nothing was revoked");
        }
        replace(file, String.join(System.lineSeparator(), kept) + (kept.isEmpty() ? "" : System.lineSeparator()));
        return removed;
    }

    private static void replace(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path next = Files.createTempFile(dir, "." + file.getFileName(), ".new");
        try {
            Files.writeString(next, text, StandardCharsets.UTF_8);
            PosixFileAttributeView view = Files.getFileAttributeView(next, PosixFileAttributeView.class);
            if (view != null) {
                // The service reads the file as its own user through the group (root:concord 0640 as installed).
                PosixFileAttributes was = Files.readAttributes(file, PosixFileAttributes.class);
                view.setPermissions(was.permissions());
                view.setGroup(was.group());
                view.setOwner(was.owner());
            }
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(next);
        }
    }
}
