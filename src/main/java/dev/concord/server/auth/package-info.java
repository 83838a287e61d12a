/**
 * Validation of OpenID Connect access tokens (JWTs) for the service: signature against the issuer's
 * JWKS, issuer, audience, expiry, and the role and actor read from configured claims. Knows nothing of
 * HTTP routes; {@code dev.concord.server.Auth} asks it about a bearer token.
 */
package dev.concord.server.auth;
