package dev.concord.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.api.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Reads a Server-Sent Events stream in the background for tests (java.net.http): every event and comment
 * is recorded in arrival order. {@link #close()} hangs up.
 */
public final class SseTestClient implements AutoCloseable {
    /** One received event; {@code name} defaults to "message" as in the SSE spec. */
    public record Event(String id, String name, String data) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(data);
            } catch (JsonProcessingException e) {
                throw new AssertionError("event data is not JSON: " + data, e);
            }
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final int status;
    private final java.net.http.HttpHeaders headers;
    private final Stream<String> lines;
    private final Thread reader;
    private volatile boolean ended;

    private SseTestClient(int status, java.net.http.HttpHeaders headers, Stream<String> lines) {
        this.status = status;
        this.headers = headers;
        this.lines = lines;
        this.reader = new Thread(this::read, "sse-test-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects and returns once the response headers arrived; {@code lastEventId} may be null. */
    public static SseTestClient connect(String baseUrl, String token, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"))
                .header("Accept", "text/event-stream");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(b.build(), HttpResponse.BodyHandlers.ofLines());
            return new SseTestClient(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException("could not connect to the event stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    /** A response header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Events received so far, in order. */
    public List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Events of the given name received so far, in order. */
    public List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    public List<String> comments() {
        return new ArrayList<>(comments);
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException e) {
            // The stream was closed under us (close()) or the connection broke: either way it has ended.
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
