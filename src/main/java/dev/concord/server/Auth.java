package dev.concord.server;

import dev.concord.api.ErrorCode;
import dev.concord.server.auth.InvalidTokenException;
import dev.concord.server.auth.JwtAuthenticator;
import dev.concord.server.auth.VerifiedToken;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Bearer-token authentication of every /api/v1 request: a JWT goes to the identity provider's validator
 * when one is configured, anything else is looked up among the static (hashed) tokens.
 */
final class Auth {
    private static final String PRINCIPAL_ATTR = "concord.principal";

    private final TokenStore tokens;
    private final JwtAuthenticator jwt;

    /** {@code jwt} may be null: static tokens only. */
    Auth(TokenStore tokens, JwtAuthenticator jwt) {
        this.tokens = tokens;
        this.jwt = jwt;
    }

    Auth(TokenStore tokens) {
        this(tokens, null);
    }

    /** Before-handler: admits a request with a known bearer token, refuses any other with 401. */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized(ctx, null, "Send your token as Authorization: Bearer <token>");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized(ctx, null, "Only bearer tokens are accepted: Authorization: Bearer <token>");
        }
        TokenStore.Principal who = principalOf(ctx, header.substring(7).strip());
        ctx.attribute(PRINCIPAL_ATTR, who);
        org.slf4j.MDC.put("actor", who.actor());
    }

    private TokenStore.Principal principalOf(Context ctx, String token) {
        if (jwt != null && JwtAuthenticator.looksLikeJwt(token)) {
            try {
                VerifiedToken verified = jwt.verify(token);
                return new TokenStore.Principal(verified.actor(), Role.fromWire(verified.role()).orElseThrow());
            } catch (InvalidTokenException e) {
                if (e.providerUnavailable()) {
                    throw new ApiError(ErrorCode.SERVICE_UNAVAILABLE, e.getMessage());
                }
                throw unauthorized(ctx, "invalid_token", e.getMessage());
            }
        }
        if (token.isEmpty()) {
            throw unauthorized(ctx, "invalid_request", "The bearer token is empty: Authorization: Bearer <token>");
        }
        Optional<TokenStore.Principal> who = tokens.authenticate(token);
        if (who.isEmpty()) {
            throw unauthorized(ctx, "invalid_token", "This token is not known to the server");
        }
        return who.get();
    }

    static TokenStore.Principal principal(Context ctx) {
        TokenStore.Principal p = ctx.attribute(PRINCIPAL_ATTR);
        if (p == null) {
            throw new IllegalStateException("route reached without authentication");
        }
        return p;
    }

    /**
     * RFC 6750 section 3: no error attribute when the request had no bearer credentials, {@code error} when it
     * had bad ones, so a client can tell "sign in" from "your token is wrong or expired".
     */
    private static ApiError unauthorized(Context ctx, String error, String message) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"concord\"" + (error == null ? ""
                : ", error=\"" + error + "\", error_description=\"" + message.replace("\"", "'") + "\""));
        return new ApiError(ErrorCode.UNAUTHORIZED, message);
    }
}
