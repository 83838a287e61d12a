package dev.concord.server.auth;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which identity provider's access tokens the service accepts, and how a token names its holder.
 *
 * @param issuer      the provider's issuer URL; its discovery document
 *                    ({@code <issuer>/.well-known/openid-configuration}) names the JWKS
 * @param audience    the {@code aud} a token must carry (the API's identifier at the provider)
 * @param roleClaim   claim holding the role, a string or a list (e.g. {@code roles}, {@code groups})
 * @param actorClaim  claim holding the name shown in the history (e.g. {@code preferred_username})
 * @param roleMapping claim value -> viewer|agent|admin; values that are already a role name need no entry
 * @param clockSkew   how far the provider's clock may be from ours when checking exp and nbf
 */
public record OidcSettings(URI issuer, String audience, String roleClaim, String actorClaim,
                           Map<String, String> roleMapping, Duration clockSkew) {
    /** The role names a mapping may point to. */
    public static final Set<String> ROLES = Set.of("viewer", "agent", "admin");
    public static final String DEFAULT_ROLE_CLAIM = "roles";
    public static final String DEFAULT_ACTOR_CLAIM = "preferred_username";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (!("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme())) || issuer.getHost() == null) {
            throw new IllegalArgumentException("the OIDC issuer must be an http(s) URL, was '" + issuer + "'");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("an OIDC audience is needed (the API's identifier at the provider)");
        }
        roleClaim = roleClaim == null || roleClaim.isBlank() ? DEFAULT_ROLE_CLAIM : roleClaim;
        actorClaim = actorClaim == null || actorClaim.isBlank() ? DEFAULT_ACTOR_CLAIM : actorClaim;
        roleMapping = Map.copyOf(roleMapping == null ? Map.of() : roleMapping);
        for (Map.Entry<String, String> e : roleMapping.entrySet()) {
            if (!ROLES.contains(e.getValue())) {
                throw new IllegalArgumentException("OIDC role mapping '" + e.getKey() + "=" + e.getValue()
                        + "': the role must be viewer, agent or admin");
            }
        }
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
    }

    /**
     * Reads a role mapping written as {@code value=role,value=role} (e.g.
     * {@code concord-admins=admin,support=agent}).
     *
     * @throws IllegalArgumentException naming the bad pair
     */
    public static Map<String, String> parseRoleMapping(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String pair : text.split(",")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new IllegalArgumentException("OIDC role mapping '" + p + "' must look like claim-value=role");
            }
            String role = p.substring(eq + 1).strip().toLowerCase(Locale.ROOT);
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("OIDC role mapping '" + p + "': the role must be viewer, agent or admin");
            }
            out.put(p.substring(0, eq).strip(), role);
        }
        return out;
    }
}
