/**
 * What an operator sees of a running server: the request log, health probes, Prometheus metrics and log
 * format. Depends on Javalin, Micrometer and plain JDK types only, never on the rest of the server, so the
 * server package wires it in ({@code dev.concord.server.OpsWiring}) and not the other way round.
 */
package dev.concord.server.ops;
