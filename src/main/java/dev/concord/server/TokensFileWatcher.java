package dev.concord.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tokens file again when it changes, so a token an admin adds ({@code concord-server tokens add}) works
 * and one revoked ({@code tokens revoke}) stops working within seconds, without restarting the service (a restart
 * would drop every agent's event stream). A file that changed but cannot be used (a typo made by hand, a file
 * gone) is logged and the tokens read before stay in force: one bad edit must not lock every agent out.
 * A change is seen by modification time, size and file identity, so a file replaced by a rename is seen too.
 */
final class TokensFileWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(TokensFileWatcher.class);

    private final ServerConfig config;
    private final TokenStore live;
    private final Consumer<Set<String>> revoked;
    private Stamp seen;

    /**
     * @param live    the store the server authenticates with; {@code config.tokensFile()} must not be null
     * @param revoked told the callers who lost a token at a change (their open event streams end)
     */
    TokensFileWatcher(ServerConfig config, TokenStore live, Consumer<Set<String>> revoked) {
        this.config = config;
        this.live = live;
        this.revoked = revoked;
        this.seen = Stamp.of(Objects.requireNonNull(config.tokensFile(), "tokens file"));
    }

    /** Reads the file again if it changed since the last look; true when the server's tokens were replaced. */
    synchronized boolean checkNow() {
        Path file = config.tokensFile();
        Stamp now = Stamp.of(file);
        if (now.equals(seen)) {
            return false;
        }
        seen = now;
        if (now.missing()) {
            LOG.warn("The tokens file {} is gone; the tokens read before stay in force until it is back", file);
            return false;
        }
        try {
            TokenStore read = TokenStore.of(config);
            Set<String> lost = lostTokens(live.entries(), read.entries());
            live.replaceWith(read);
            LOG.info("The tokens file {} changed: {} tokens in force{}", file, read.entries().size(),
                    lost.isEmpty() ? "" : "; revoked for " + String.join(", ", lost));
            if (!lost.isEmpty()) {
                revoked.accept(lost);
            }
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("The tokens file {} changed but cannot be used ({}); the tokens read before stay in force",
                    file, e.getMessage());
            return false;
        }
    }

    /** The callers with a token in {@code before} that {@code after} no longer has. */
    private static Set<String> lostTokens(List<TokenStore.Entry> before, List<TokenStore.Entry> after) {
        Set<String> lost = new TreeSet<>();
        for (TokenStore.Entry was : before) {
            if (after.stream().noneMatch(now -> Arrays.equals(now.hash(), was.hash()))) {
                lost.add(was.actor());
            }
        }
        return lost;
    }

    /** What tells a changed file: when, how long, which file (a new inode after a rename). */
    private record Stamp(FileTime modified, long size, Object key, boolean missing) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey(), false);
            } catch (IOException e) {
                return new Stamp(null, -1, null, true);
            }
        }
    }
}
