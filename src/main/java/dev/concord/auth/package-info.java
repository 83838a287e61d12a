/**
 * Signing in from the desktop and the command line: OpenID Connect authorization code flow with PKCE in
 * the system browser and a loopback redirect (RFC 8252), refresh and sign-out (oauth2-oidc-sdk), a
 * session that hands the client fresh access tokens, and where secrets are kept (the OS keyring, or a
 * file only the user can read). No JavaFX: the console and the CLI both use it.
 */
package dev.concord.auth;
