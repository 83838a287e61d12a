package dev.concord.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concord.server.ConcordServer;
import dev.concord.server.ServerConfig;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.OidcProvider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service accepts its identity provider's access tokens, checked the way the issue asks, next to static tokens. */
class JwtAuthenticationTest {
    @RegisterExtension
    static final OidcProvider IDP = new OidcProvider();

    static ConcordServer server;
    static ApiTestClient api;

    @BeforeAll
    static void start() {
        OidcSettings oidc = new OidcSettings(IDP.issuer(), OidcProvider.AUDIENCE, "roles", "preferred_username",
                OidcSettings.parseRoleMapping("support-leads=admin,support=agent"), null);
        server = ConcordServer.start(ServerConfig.demoInMemory().withOidc(oidc));
        api = new ApiTestClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void validTokenNamesTheActorAndRoleFromItsClaims() {
        var me = api.get(IDP.accessToken("carol", "agent"), "/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.data().path("actor").asText()).isEqualTo("carol");
        assertThat(me.data().path("role").asText()).isEqualTo("agent");
    }

    @Test
    void groupValuesAreMappedToRolesAndTheHighestWins() {
        String token = IDP.accessToken("dana", Map.of("roles", List.of("support", "support-leads", "unrelated")),
                OidcProvider.AUDIENCE, 3600);
        assertThat(api.get(token, "/api/v1/me").data().path("role").asText()).isEqualTo("admin");
    }

    @Test
    void viewerTokenMayReadButNotEdit() {
        String token = IDP.accessToken("vic", "viewer");
        assertThat(api.get(token, "/api/v1/subscriptions").status()).isEqualTo(200);
        assertThat(api.get(token, "/api/v1/me").data().path("role").asText()).isEqualTo("viewer");
    }

    @Test
    void expiredTokenIsRefusedSayingSo() {
        var me = api.get(IDP.accessToken("carol", Map.of("roles", List.of("agent")), OidcProvider.AUDIENCE, -600), "/api/v1/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.body()).contains("expired").doesNotContain("nimbus").doesNotContain("Exception");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        var me = api.get(IDP.accessToken("carol", Map.of("roles", List.of("agent")), "some-other-api", 3600), "/api/v1/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.body()).contains("audience");
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        assertThat(api.get(IDP.foreignToken("mallory", "admin"), "/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void tamperedSignatureIsRefused() {
        String token = IDP.accessToken("carol", "agent");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThat(api.get(tampered, "/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void tokenWithoutAConcordRoleIsRefusedNamingTheClaim() {
        var me = api.get(IDP.accessToken("erin", Map.of("roles", List.of("marketing")), OidcProvider.AUDIENCE, 3600),
                "/api/v1/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.body()).contains("'roles'");
    }

    @Test
    void staticTokensStillWorkForServiceAccounts() {
        assertThat(api.get("demo-billing", "/api/v1/me").data().path("actor").asText()).isEqualTo("billing-bot");
    }

    @Test
    void unreachableProviderIsA503NotA401() {
        OidcSettings nowhere = new OidcSettings(URI.create("http://127.0.0.1:1/nowhere"), "a", null, null, null, null);
        try (ConcordServer other = ConcordServer.start(ServerConfig.demoInMemory().withOidc(nowhere))) {
            var me = new ApiTestClient(other.baseUrl()).get(IDP.accessToken("carol", "agent"), "/api/v1/me");
            assertThat(me.status()).isEqualTo(503);
        }
    }

    @Test
    void badRoleMappingIsRefusedNamingThePair() {
        assertThatThrownBy(() -> OidcSettings.parseRoleMapping("ops=superuser"))
                .hasMessageContaining("ops=superuser").hasMessageContaining("viewer, agent or admin");
    }
}
