package dev.concord.server.auth;

/**
 * Whom a valid access token identifies.
 *
 * @param actor the name written into the history
 * @param role  viewer, agent or admin
 */
public record VerifiedToken(String actor, String role) {
}
