package dev.concord.sync;

import dev.concord.client.ConcordApi;
import dev.concord.client.OkHttpConcordApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The client, conflict store and coordinator of one user, wired together. The store lives at
 * {@code <concord.home>/<user>/conflicts.json}.
 *
 * <p>The folder is named from the token, not from {@code GET /me}, so that an edit kept while the server
 * was down is found again once it is up: {@code demo-alice} gives {@code alice}; any other token gives
 * {@code user-<first 12 hex digits of its SHA-256>}, so the folder name gives nothing of the token away.
 * The token itself is not written by this class; the console keeps it in its secret store (the OS keyring,
 * or a file only the user can read when no keyring answers: see dev.concord.auth.SecretStores).
 */
public final class SyncServices {
    public static final String DEFAULT_SERVER = OkHttpConcordApi.DEFAULT_SERVER;
    public static final String DEFAULT_TOKEN = "demo-alice";
    public static final String STORE_FILE = "conflicts.json";
    private static final Pattern DEMO = Pattern.compile("^demo-([a-z0-9-]{1,40})$");

    private final String user;
    private final ConcordApi api;
    private final ConflictStore store;
    private final RetryCoordinator coordinator;

    private SyncServices(String user, ConcordApi api, ConflictStore store, RetryCoordinator coordinator) {
        this.user = user;
        this.api = api;
        this.store = store;
        this.coordinator = coordinator;
    }

    /** Wires everything for {@code token} against {@code serverUrl}, data under {@link #concordHome()}. */
    public static SyncServices forUser(String serverUrl, String token) {
        return forUser(serverUrl, token, concordHome());
    }

    public static SyncServices forUser(String serverUrl, String token, Path home) {
        ConcordApi api = new OkHttpConcordApi(serverUrl, token);
        return forUser(api, token, home);
    }

    /** As {@link #forUser(String, String, Path)} over a given client (tests, or a client with other timeouts). */
    public static SyncServices forUser(ConcordApi api, String token, Path home) {
        String user = userFolderName(token);
        ConflictStore store = new ConflictStore(home.resolve(user).resolve(STORE_FILE));
        return new SyncServices(user, api, store, new RetryCoordinator(api, store));
    }

    /** {@code ${concord.home}}, default {@code ${user.home}/.concord}. */
    public static Path concordHome() {
        String home = System.getProperty("concord.home");
        if (home == null || home.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".concord");
        }
        return Path.of(home);
    }

    /** The per-user folder name for a token (see the class comment). */
    public static String userFolderName(String token) {
        var demo = DEMO.matcher(token.toLowerCase(Locale.ROOT));
        if (demo.matches()) {
            return demo.group(1);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "user-" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public String user() {
        return user;
    }

    public ConcordApi api() {
        return api;
    }

    public ConflictStore store() {
        return store;
    }

    public RetryCoordinator coordinator() {
        return coordinator;
    }

    /** Creates and retires records through the same client (see {@link LifecycleCoordinator}). */
    public LifecycleCoordinator lifecycle() {
        return new LifecycleCoordinator(api);
    }
}
