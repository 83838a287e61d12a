package dev.concord.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throw-away identity provider for {@code --self-check}: a fresh RSA key, a discovery document and a
 * JWKS on a loopback port, and access tokens signed with that key. The packaged program proves with it
 * that the service's token validation (discovery, key fetch, signature, claims) works in the shipped runtime.
 */
final class SelfCheckIssuer implements AutoCloseable {
    static final String AUDIENCE = "concord-self-check";

    private final RSAKey key;
    private final Javalin http;
    private final URI issuer;

    private SelfCheckIssuer(RSAKey key, Javalin http, URI issuer) {
        this.key = key;
        this.http = http;
        this.issuer = issuer;
    }

    static SelfCheckIssuer start() throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        Javalin http = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        String[] base = new String[1];
        http.get("/.well-known/openid-configuration", ctx -> ctx.json(Map.of(
                "issuer", base[0],
                "jwks_uri", base[0] + "/jwks",
                "authorization_endpoint", base[0] + "/authorize",
                "token_endpoint", base[0] + "/token",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        http.get("/jwks", ctx -> ctx.contentType("application/json").result(new JWKSet(key.toPublicJWK()).toString()));
        http.start("127.0.0.1", 0);
        base[0] = "http://127.0.0.1:" + http.port();
        return new SelfCheckIssuer(key, http, URI.create(base[0]));
    }

    URI issuer() {
        return issuer;
    }

    /** An access token for {@code actor} with {@code role}, valid for five minutes. */
    String accessToken(String actor, String role) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer.toString()).subject(actor).audience(AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", actor).claim("roles", List.of(role))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        http.stop();
    }
}
