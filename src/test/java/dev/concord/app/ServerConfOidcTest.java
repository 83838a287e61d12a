package dev.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The identity provider is configured in /etc/concord/server.conf like every other server setting. */
class ServerConfOidcTest {
    @TempDir
    Path dir;

    @Test
    void oidcSettingsAreRead() throws Exception {
        Path conf = Files.writeString(dir.resolve("server.conf"), """
                data-dir = %s
                oidc-issuer = https://login.example.com/realms/support
                oidc-audience = concord-api
                oidc-role-claim = groups
                oidc-role-map = support=agent, support-leads=admin
                """.formatted(dir));
        var oidc = ServerConfFile.load(conf, k -> null).config().oidc();
        assertThat(oidc.issuer()).hasToString("https://login.example.com/realms/support");
        assertThat(oidc.audience()).isEqualTo("concord-api");
        assertThat(oidc.roleClaim()).isEqualTo("groups");
        assertThat(oidc.actorClaim()).isEqualTo("preferred_username");
        assertThat(oidc.roleMapping()).containsEntry("support-leads", "admin");
    }

    @Test
    void issuerWithoutAudienceIsRefusedNamingTheFile() throws Exception {
        Path conf = Files.writeString(dir.resolve("server.conf"), "data-dir = " + dir + "\noidc-issuer = https://idp\n");
        assertThatThrownBy(() -> ServerConfFile.load(conf, k -> null))
                .hasMessageContaining("server.conf").hasMessageContaining("audience");
    }
}
