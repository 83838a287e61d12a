/**
 * Live event streams of the service (issue 14): one change-log reader per instance fans committed writes out
 * to every open {@code GET /api/v1/events} stream, each written with non-blocking servlet I/O so that an open
 * stream costs a queue and a socket, not a thread. Knows nothing of Javalin or of the server's tables: the
 * server hands it an {@link dev.concord.server.events.EventStore} and the request's async context.
 */
package dev.concord.server.events;
