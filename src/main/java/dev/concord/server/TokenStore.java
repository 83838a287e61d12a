package dev.concord.server;

import dev.concord.api.Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bearer tokens, kept only as SHA-256 hashes. A tokens file has one token per line:
 * {@code <sha256 hex of the token> <actor> <viewer|agent|admin>}; blank lines and lines starting with
 * {@code #} are ignored. {@code ./launcher server hash-token TOKEN} prints the hash of a token.
 */
final class TokenStore {
    /** Never used itself: each hash works on a clone of it. */
    private static final MessageDigest SHA256 = newSha256();

    /** A token known to the server: its hash and whom it identifies. */
    record Entry(byte[] hash, String actor, Role role) {
    }

    /** The demo tokens: token, actor, role. */
    static final List<String[]> DEMO_TOKENS = List.of(
            new String[] {"demo-alice", "alice", "agent"},
            new String[] {"demo-bob", "bob", "agent"},
            new String[] {"demo-billing", "billing-bot", "agent"},
            new String[] {"demo-admin", "admin", "admin"},
            new String[] {"demo-viewer", "viewer", "viewer"});

    private static final Pattern HEX64 = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final Pattern ACTOR = Pattern.compile("^[A-Za-z0-9._@-]{1,100}$");

    /** Replaced whole when the tokens file is read again (TokensFileWatcher); each request reads one list. */
    private volatile List<Entry> entries;

    private TokenStore(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** From now on accepts exactly the tokens of {@code other}: a revoked token stops working at the next request. */
    void replaceWith(TokenStore other) {
        this.entries = other.entries;
    }

    /** The tokens, in file order (hashes only). */
    List<Entry> entries() {
        return entries;
    }

    /** No static tokens (a server that accepts only its identity provider's access tokens). */
    static TokenStore empty() {
        return new TokenStore(List.of());
    }

    static TokenStore demo() {
        List<Entry> list = new ArrayList<>();
        for (String[] t : DEMO_TOKENS) {
            list.add(new Entry(sha256(t[0]), t[1], Role.fromWire(t[2]).orElseThrow()));
        }
        return new TokenStore(list);
    }

    /**
     * Reads a tokens file.
     *
     * @throws IllegalArgumentException naming the file and line of the first bad line
     */
    static TokenStore fromFile(Path file) throws IOException {
        List<Entry> list = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = file + " line " + (i + 1) + ": ";
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + "expected '<sha256 hex> <actor> <role>'");
            }
            if (!HEX64.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException(where + "the first column must be a SHA-256 hash in hex "
                        + "(64 characters); make one with: ./launcher server hash-token TOKEN");
            }
            if (!ACTOR.matcher(parts[1]).matches()) {
                throw new IllegalArgumentException(where + "actor may only hold letters, digits and . _ @ -");
            }
            Role role = Role.fromWire(parts[2]).orElseThrow(() ->
                    new IllegalArgumentException(where + "role must be viewer, agent or admin"));
            list.add(new Entry(HexFormat.of().parseHex(parts[0].toLowerCase(java.util.Locale.ROOT)), parts[1], role));
        }
        return new TokenStore(list);
    }

    /**
     * The tokens a server with {@code config} accepts: its tokens file, plus the demo tokens in demo mode.
     *
     * @throws IllegalArgumentException when the tokens file is unreadable or malformed
     */
    static TokenStore of(ServerConfig config) {
        TokenStore fromFile = null;
        if (config.tokensFile() != null) {
            try {
                fromFile = fromFile(config.tokensFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the tokens file " + config.tokensFile() + ": " + e.getMessage(), e);
            }
        }
        if (config.demo()) {
            return fromFile == null ? demo() : merge(demo(), fromFile);
        }
        return fromFile == null ? empty() : fromFile;
    }

    static TokenStore merge(TokenStore a, TokenStore b) {
        List<Entry> all = new ArrayList<>(a.entries);
        all.addAll(b.entries);
        return new TokenStore(all);
    }

    /** Whom the token identifies. Every entry is compared, in constant time, so timing tells nothing. */
    Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(token);
        Entry found = null;
        for (Entry e : entries()) {
            if (MessageDigest.isEqual(e.hash(), hash) && found == null) {
                found = e;
            }
        }
        return found == null ? Optional.empty() : Optional.of(new Principal(found.actor(), found.role()));
    }

    /** The hex SHA-256 of a token, as a tokens file holds it. */
    static String hashHex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    static Map<String, String> demoTokenDescriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] t : DEMO_TOKENS) {
            out.put(t[0], t[2] + " \"" + t[1] + "\"");
        }
        return out;
    }

    private static byte[] sha256(String token) {
        try {
            // A clone of one digest, not getInstance per request: the provider look-up cost more than the hash
            // of a short token (issue 16 profile of PATCH).
            MessageDigest md = (MessageDigest) SHA256.clone();
            return md.digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests clone", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** An authenticated caller. */
    record Principal(String actor, Role role) {
        Identity identity() {
            return new Identity(actor, role.wire());
        }
    }
}
