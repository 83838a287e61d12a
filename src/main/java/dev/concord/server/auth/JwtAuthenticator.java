package dev.concord.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks OpenID Connect access tokens with Nimbus: the signature against the keys the issuer publishes
 * (found through its discovery document, cached, fetched again when a token names a key id the cache
 * lacks), then issuer, audience, expiry and not-before within the configured clock skew. The discovery
 * document is read on the first token, not at start, so the service starts while the provider is down.
 */
public final class JwtAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);
    private static final Pattern JWT_SHAPE = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");
    private static final int TIMEOUT_MS = 5000;
    /** At most one JWKS fetch per this many milliseconds for unknown key ids, so junk tokens cannot flood the provider. */
    private static final long UNKNOWN_KID_REFRESH_MS = 5000;
    private static final int JWKS_MAX_BYTES = 512 * 1024;
    private static final List<String> RANK = List.of("viewer", "agent", "admin");

    private final OidcSettings settings;
    private volatile ConfigurableJWTProcessor<SecurityContext> processor;
    private final VerifiedTokenCache verified = new VerifiedTokenCache();

    public JwtAuthenticator(OidcSettings settings) {
        this.settings = settings;
    }

    public OidcSettings settings() {
        return settings;
    }

    /** Whether a bearer token has the shape of a JWT (three base64url parts) rather than an opaque static token. */
    public static boolean looksLikeJwt(String token) {
        return token != null && token.startsWith("eyJ") && JWT_SHAPE.matcher(token).matches();
    }

    /**
     * Whom the token identifies.
     *
     * @throws InvalidTokenException saying what is wrong with it, or that the provider could not be asked
     */
    public VerifiedToken verify(String token) throws InvalidTokenException {
        // A console sends the same token with every request until it refreshes it: check its signature and
        // claims once, not per request (issue 16; VerifiedTokenCache says for how long).
        String key = VerifiedTokenCache.key(token);
        long now = System.currentTimeMillis();
        VerifiedToken known = verified.get(key, now);
        if (known != null) {
            return known;
        }
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (KeySourceException e) {
            LOG.warn("could not fetch the signing keys of {}: {}", settings.issuer(), e.getMessage());
            throw new InvalidTokenException("The identity provider's keys could not be fetched; try again shortly", true, e);
        } catch (BadJWTException e) {
            throw new InvalidTokenException(describeClaimFailure(e.getMessage()), false, e);
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException("The access token's signature does not match the identity provider's keys", false, e);
        } catch (ParseException e) {
            throw new InvalidTokenException("The access token is not a readable JWT", false, e);
        }
        String actor = stringClaim(claims, settings.actorClaim());
        if (actor == null || actor.isBlank()) {
            throw new InvalidTokenException("The access token has no '" + settings.actorClaim() + "' claim to name you by", false, null);
        }
        String role = role(claims);
        if (role == null) {
            throw new InvalidTokenException("The access token gives no Concord role in its '" + settings.roleClaim()
                    + "' claim; ask your administrator for viewer, agent or admin access", false, null);
        }
        VerifiedToken result = new VerifiedToken(actor.strip(), role);
        // exp is a required claim (the claims verifier refuses a token without it).
        verified.put(key, result, claims.getExpirationTime().getTime(), now);
        return result;
    }

    private String role(JWTClaimsSet claims) {
        Object value = claims.getClaim(settings.roleClaim());
        List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        int best = -1;
        for (Object v : values) {
            String s = String.valueOf(v);
            String mapped = settings.roleMapping().getOrDefault(s,
                    RANK.contains(s.toLowerCase(Locale.ROOT)) ? s.toLowerCase(Locale.ROOT) : null);
            if (mapped != null) {
                best = Math.max(best, RANK.indexOf(mapped));
            }
        }
        return best < 0 ? null : RANK.get(best);
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s ? s : null;
    }

    private static String describeClaimFailure(String nimbusMessage) {
        String m = nimbusMessage == null ? "" : nimbusMessage.toLowerCase(Locale.ROOT);
        if (m.contains("expired")) {
            return "The access token has expired; refresh it or sign in again";
        }
        if (m.contains("aud")) {
            return "The access token is not meant for this server (wrong audience)";
        }
        if (m.contains(" iss ")) {
            return "The access token was issued by another identity provider";
        }
        if (m.contains("before")) {
            return "The access token is not valid yet";
        }
        if (m.contains("missing")) {
            return "The access token lacks a required claim (exp, sub or the actor claim)";
        }
        return "The access token's claims are not accepted";
    }

    private ConfigurableJWTProcessor<SecurityContext> processor() throws KeySourceException {
        ConfigurableJWTProcessor<SecurityContext> p = processor;
        if (p == null) {
            synchronized (this) {
                p = processor;
                if (p == null) {
                    p = build();
                    processor = p;
                }
            }
        }
        return p;
    }

    private ConfigurableJWTProcessor<SecurityContext> build() throws KeySourceException {
        URL jwks;
        try {
            OIDCProviderMetadata meta = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), TIMEOUT_MS, TIMEOUT_MS);
            if (!settings.issuer().toString().equals(meta.getIssuer().getValue())) {
                throw new KeySourceException("the discovery document names issuer " + meta.getIssuer());
            }
            jwks = meta.getJWKSetURI().toURL();
        } catch (GeneralException | IOException e) {
            // Not cached: the next token tries discovery again.
            throw new KeySourceException("discovery of " + settings.issuer() + " failed: " + e.getMessage(), e);
        }
        // Nimbus waits only 500 ms for the JWKS by default: too little for a busy provider (or a busy machine).
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks,
                        new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, JWKS_MAX_BYTES))
                .retrying(true)
                .rateLimited(UNKNOWN_KID_REFRESH_MS)
                .build();
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        // Access tokens are typed JWT or at+jwt (RFC 9068); some providers leave typ out.
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
                JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384), keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(settings.audience()),
                new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).build(),
                Set.of("exp", "sub", settings.actorClaim()), null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        LOG.info("accepting access tokens of {} (keys from {})", settings.issuer(), jwks);
        return p;
    }
}
