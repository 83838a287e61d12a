package dev.concord.app;

import com.nimbusds.jose.JOSEException;
import dev.concord.api.Identity;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldValues;
import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.server.auth.OidcSettings;
import dev.concord.sync.SaveOutcome;
import dev.concord.sync.SyncServices;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code --self-check}: proves a build works on a machine without a display. Starts the embedded demo
 * server in memory, then through the real sync core makes one versioned write, one stale write that must
 * rebase cleanly, and one true conflict that must be stored without overwriting anything; then signs in
 * with an access token (a JWT) of a throw-away identity provider, which the server must validate.
 */
final class SelfCheck {
    private static final String RECORD = "sub_0001";
    private final PrintStream out;

    SelfCheck(PrintStream out) {
        this.out = out;
    }

    static int run() {
        return new SelfCheck(System.out).check();
    }

    int check() {
        Path home = null;
        try (SelfCheckIssuer idp = SelfCheckIssuer.start();
             ConcordServer server = ConcordServer.start(ServerConfig.demoInMemory().withOidc(new OidcSettings(
                     idp.issuer(), SelfCheckIssuer.AUDIENCE, null, null, null, null)))) {
            home = Files.createTempDirectory("concord-self-check");
            out.println("self-check: embedded server on " + server.baseUrl());
            SyncServices alice = SyncServices.forUser(server.baseUrl(), "demo-alice", home);
            SyncServices bob = SyncServices.forUser(server.baseUrl(), "demo-bob", home);

            Entity base = alice.api().get(EntityKind.SUBSCRIPTION, RECORD);
            String notes = base.values().get("notes") + "\nSelf-check: customer called about the invoice.";
            Entity aliceSaved = expectSaved("versioned write",
                    alice.coordinator().save(base, base.values().with("notes", notes)));
            require(aliceSaved.version() == base.version() + 1, "the versioned write did not add one to the version");

            String bobStatus = otherThan((String) base.values().get("status"), "paused", "active");
            Entity bobSaved = expectSaved("stale write (rebased)",
                    bob.coordinator().save(base, base.values().with("status", bobStatus)));
            require(notes.equals(bobSaved.values().get("notes")), "the stale write lost Alice's notes");
            require(bobStatus.equals(bobSaved.values().get("status")), "the stale write lost Bob's status");

            String aliceStatus = otherThan(bobStatus, "cancelled", "past_due");
            FieldValues conflicting = aliceSaved.values().with("status", aliceStatus);
            SaveOutcome outcome = alice.coordinator().save(aliceSaved, conflicting);
            require(outcome instanceof SaveOutcome.NeedsResolution, "a true conflict was not detected: " + outcome);
            Entity after = alice.api().get(EntityKind.SUBSCRIPTION, RECORD);
            require(after.version() == bobSaved.version() && bobStatus.equals(after.values().get("status")),
                    "the conflicting write changed the server record");
            require(alice.store().conflicts().size() == 1, "the conflict was not stored for resolution");
            out.println("self-check: true conflict on status detected and stored; server record unchanged at v"
                    + after.version());
            checkSignIn(idp, server, home);
            out.println("self-check: OK");
            return 0;
        } catch (RuntimeException | IOException | JOSEException e) {
            out.println("self-check: FAILED: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(home);
        }
    }

    /** An OIDC access token is validated by the server (discovery, JWKS, signature, claims) and names the actor. */
    private void checkSignIn(SelfCheckIssuer idp, ConcordServer server, Path home) throws JOSEException {
        SyncServices carol = SyncServices.forUser(server.baseUrl(), idp.accessToken("carol", "agent"), home);
        Identity me = carol.api().whoAmI();
        require("carol".equals(me.actor()) && "agent".equals(me.role()),
                "the signed access token was read as " + me.actor() + "/" + me.role());
        out.println("self-check: signed access token (RS256 JWT) validated by the server: " + me.actor() + ", " + me.role());
    }

    private Entity expectSaved(String step, SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved saved) {
            out.println("self-check: " + step + ": saved " + RECORD + " v" + saved.entity().version()
                    + " after " + saved.attempts() + " attempt(s)"
                    + (saved.mergedFromOthers().isEmpty() ? "" : ", kept others' change to "
                    + String.join(", ", saved.mergedFromOthers().stream().map(m -> m.field()).toList())));
            return saved.entity();
        }
        throw new IllegalStateException(step + " was not saved: " + outcome);
    }

    private static String otherThan(String taken, String first, String second) {
        return first.equals(taken) ? second : first;
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(failure);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir, e);
        }
    }
}
