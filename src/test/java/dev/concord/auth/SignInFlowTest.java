package dev.concord.auth;

import dev.concord.sync.Reason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.concord.api.HistoryEntry;
import dev.concord.client.OkHttpConcordApi;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import dev.concord.server.ConcordServer;
import dev.concord.sync.ConflictStore;
import dev.concord.sync.RetryCoordinator;
import dev.concord.sync.SaveOutcome;
import dev.concord.testing.InMemorySecretStore;
import dev.concord.testing.OidcProvider;
import dev.concord.testing.RedirectFollowingBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole sign-in against a real OIDC provider in process and the real server: authorization code with
 * PKCE through a loopback redirect, API calls as the token's user and role, refresh of an expired access
 * token during a save, and a revoked refresh token ending the session with the edit kept as pending.
 */
class SignInFlowTest {
    @RegisterExtension
    static final OidcProvider IDP = new OidcProvider();
    static ConcordServer server;

    @TempDir
    Path home;

    final InMemorySecretStore secrets = new InMemorySecretStore();

    @BeforeAll
    static void start() {
        server = IDP.concordServer();
    }

    private SignedInSession signIn(String user, String role, long expirySeconds) throws SignInException {
        return signIn(user, role, expirySeconds, java.time.Clock.systemUTC());
    }

    /** {@code sessionClock}: what the session takes for now when it decides whether its token has expired. */
    private SignedInSession signIn(String user, String role, long expirySeconds, java.time.Clock sessionClock)
            throws SignInException {
        OidcClient oidc = new OidcClient(new OidcClientSettings(IDP.issuer(), OidcProvider.CLIENT_ID, null));
        IDP.nextSignIn(user, role, expirySeconds);
        TokenSet tokens = oidc.signIn(new RedirectFollowingBrowser(), Duration.ofSeconds(20));
        return new SignedInSession(oidc, tokens, secrets, SecretStores.refreshTokenKey(server.baseUrl()), sessionClock);
    }

    @Test
    void signedInUserWorksAsTheTokenSaysAndTheRefreshTokenIsKept() throws Exception {
        SignedInSession session = signIn("carol", "agent", 3600);
        OkHttpConcordApi api = new OkHttpConcordApi(server.baseUrl(), session);
        assertThat(api.whoAmI().actor()).isEqualTo("carol");
        assertThat(api.whoAmI().role()).isEqualTo("agent");
        assertThat(secrets.get(SecretStores.refreshTokenKey(server.baseUrl()))).isPresent();

        RetryCoordinator coordinator = new RetryCoordinator(api, new ConflictStore(home.resolve("conflicts.json")));
        Entity base = api.get(EntityKind.SUBSCRIPTION, "sub_0002");
        SaveOutcome saved = coordinator.save(base, base.values().with("notes", base.values().get("notes") + "\ncarol was here"));
        assertThat(saved).isInstanceOf(SaveOutcome.Saved.class);
        List<HistoryEntry> history = api.history(EntityKind.SUBSCRIPTION, "sub_0002");
        assertThat(history.get(0).actor()).isEqualTo("carol");
    }

    @Test
    void expiredAccessTokenIsRefreshedWithoutLosingTheEdit() throws Exception {
        // Lives one second at the server; the session does not know (the provider rounds expires_in down to 0,
        // and an unknown lifetime counts as five minutes): the server refuses it, the session refreshes, the
        // request is sent again.
        SignedInSession session = signIn("dave", "agent", 1);
        String first = session.current();
        OkHttpConcordApi api = new OkHttpConcordApi(server.baseUrl(), session);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                new dev.concord.testing.ApiTestClient(server.baseUrl()).get(first, "/api/v1/me").status() == 401);
        RetryCoordinator coordinator = new RetryCoordinator(api, new ConflictStore(home.resolve("conflicts.json")));
        Entity base = api.get(EntityKind.SUBSCRIPTION, "sub_0003");
        SaveOutcome saved = coordinator.save(base, base.values().with("notes", base.values().get("notes") + "\ndave"));
        assertThat(saved).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(api.history(EntityKind.SUBSCRIPTION, "sub_0003").get(0).actor()).isEqualTo("dave");
        assertThat(session.current()).as("refreshed").isNotEqualTo(first);
        assertThat(session.signInRequired()).isFalse();
    }

    @Test
    void revokedRefreshTokenEndsTheSessionAndKeepsTheEditPending() throws Exception {
        // The session's clock is an hour ahead, so it refreshes before every request; the provider has
        // revoked the refresh token (an administrator ended the session).
        SignedInSession session = signIn("erin", "agent", 3600,
                java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofHours(2)));
        IDP.revoke(secrets.get(SecretStores.refreshTokenKey(server.baseUrl())).orElseThrow());
        IDP.refuseNextRefresh();
        OkHttpConcordApi api = new OkHttpConcordApi(server.baseUrl(), session);
        ConflictStore store = new ConflictStore(home.resolve("conflicts.json"));
        RetryCoordinator coordinator = new RetryCoordinator(api, store);
        Entity base = new OkHttpConcordApi(server.baseUrl(), "demo-viewer").get(EntityKind.SUBSCRIPTION, "sub_0004");

        SaveOutcome outcome = coordinator.save(base, base.values().with("notes", "erin's note"));

        assertThat(outcome).isInstanceOf(SaveOutcome.Pending.class);
        assertThat(((SaveOutcome.Pending) outcome).reason().code()).isEqualTo(Reason.Code.SESSION_EXPIRED);
        assertThat(store.pending()).hasSize(1);
        assertThat(session.signInRequired()).isTrue();
        assertThat(secrets.get(SecretStores.refreshTokenKey(server.baseUrl()))).isEmpty();
    }
}
