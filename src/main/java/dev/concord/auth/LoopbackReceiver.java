package dev.concord.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The redirect target of a desktop sign-in (RFC 8252 section 7.3): an HTTP listener on 127.0.0.1 and a
 * free port, for one request to {@code /callback}, whose URL (with code and state) it hands over. The
 * browser tab gets a short page saying it can be closed.
 */
final class LoopbackReceiver implements AutoCloseable {
    private static final String PATH = "/callback";
    private final HttpServer server;
    private final CompletableFuture<URI> callback = new CompletableFuture<>();

    LoopbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    CompletableFuture<URI> callback() {
        return callback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI full = URI.create(redirectUri() + (exchange.getRequestURI().getRawQuery() == null ? ""
                : "?" + exchange.getRequestURI().getRawQuery()));
        boolean ok = full.getRawQuery() != null && full.getRawQuery().contains("code=");
        byte[] page = ("<!doctype html><meta charset=utf-8><title>Concord</title><body style='font-family:sans-serif'>"
                + (ok ? "<h2>Signed in to Concord</h2><p>You can close this tab and go back to Concord.</p>"
                : "<h2>Sign-in did not finish</h2><p>Go back to Concord and try again.</p>")
                + "</body>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
        callback.complete(full);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
