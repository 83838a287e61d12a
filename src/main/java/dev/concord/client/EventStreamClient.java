package dev.concord.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concord.api.ApiPaths;
import dev.concord.api.ChangeEvent;
import dev.concord.api.Json;
import dev.concord.api.Presence;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection at a time to {@code GET /api/v1/events} with OkHttp's SSE reader. A {@link Connection}
 * is opened, then {@link Connection#read} blocks on the caller's thread until the stream ends; reconnecting
 * is the caller's business (see {@code dev.concord.sync.LiveEvents}).
 */
public final class EventStreamClient {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreamClient.class);
    private static final ObjectMapper JSON = Json.mapper();
    /**
     * The server sends a heartbeat every 15 s; three missed ones mean the connection is dead even if TCP
     * has not noticed.
     */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(45);

    private final HttpUrl eventsUrl;
    private final OkHttpClient http;

    /** A client of {@code serverUrl} (e.g. http://127.0.0.1:8787) that sends {@code token}. */
    public EventStreamClient(String serverUrl, String token) {
        this(serverUrl, token, OkHttpConcordApi.sharedClient());
    }

    public EventStreamClient(String serverUrl, String token, OkHttpClient base) {
        this(serverUrl, AccessTokens.fixed(token), base);
    }

    /** A client whose bearer token comes from {@code tokens} (a signed-in session, refreshed when refused). */
    public EventStreamClient(String serverUrl, AccessTokens tokens, OkHttpClient base) {
        ApiTransport transport = new ApiTransport(serverUrl, tokens, base, b -> b
                .readTimeout(READ_TIMEOUT)
                // A stream is meant to stay open: the shared client's whole-call limit would cut it.
                .callTimeout(Duration.ZERO));
        this.eventsUrl = transport.serverRoot().newBuilder().encodedPath(ApiPaths.EVENTS).build();
        this.http = transport.http();
    }

    /** What a stream delivers, on the thread that called {@link Connection#read}. */
    public interface Handler {
        /** The server accepted the request; events follow. */
        void opened();

        void change(ChangeEvent event);

        void presence(Presence presence);

        /** The server dropped this subscriber for falling behind; resume from {@code lastEventId}. */
        void overflow(long lastEventId);

        /**
         * The server could not resume where asked (the id is ahead of its log or older than it can replay):
         * what the client shows may have missed writes; the stream carries on after {@code lastEventId}.
         */
        default void reset(long lastEventId, String message) {
        }
    }

    /**
     * A connection that resumes after {@code lastEventId} (null: start with the next write). Nothing is
     * sent until {@link Connection#read}.
     */
    public Connection connect(Long lastEventId) {
        Request.Builder request = new Request.Builder().url(eventsUrl).get().header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header(ApiPaths.LAST_EVENT_ID, Long.toString(lastEventId));
        }
        return new Connection(http.newCall(request.build()));
    }

    /** One request of the stream; {@link #cancel()} from any thread ends a blocked {@link #read}. */
    public static final class Connection {
        private final Call call;

        private Connection(Call call) {
            this.call = call;
        }

        /**
         * Sends the request and delivers events to {@code handler} until the server ends the stream (normal
         * return) or it breaks.
         *
         * @throws AuthException 401/403: the token is not accepted (retrying will not help)
         * @throws ServerUnreachableException the server could not be reached or the connection broke
         * @throws ApiException any other refusal
         */
        public void read(Handler handler) {
            try (Response response = call.execute()) {
                if (!response.isSuccessful()) {
                    String body = response.body().string();
                    throw ErrorMapper.map(response.code(), body, null, response.header(ApiPaths.RETRY_AFTER),
                            Clock.systemUTC().instant());
                }
                Failure failure = new Failure();
                EventSources.processResponse(response, new Dispatch(handler, failure));
                if (failure.error != null) {
                    throw failure.error;
                }
            } catch (IOException e) {
                throw unreachable(e);
            }
        }

        public void cancel() {
            call.cancel();
        }

        private ServerUnreachableException unreachable(Throwable e) {
            HttpUrl url = call.request().url();
            return new ServerUnreachableException("Lost the event stream of " + url.scheme() + "://" + url.host() + ":"
                    + url.port() + " (" + (e == null ? "closed" : e.getMessage()) + ")", false, e);
        }

        /** Holds what OkHttp reported through onFailure, to be thrown on the reading thread. */
        private final class Failure {
            private RuntimeException error;
        }

        private final class Dispatch extends EventSourceListener {
            private final Handler handler;
            private final Failure failure;

            Dispatch(Handler handler, Failure failure) {
                this.handler = handler;
                this.failure = failure;
            }

            @Override
            public void onOpen(EventSource source, Response response) {
                handler.opened();
            }

            @Override
            public void onEvent(EventSource source, String id, String type, String data) {
                try {
                    switch (type == null ? "message" : type) {
                        case ChangeEvent.EVENT_NAME -> handler.change(JSON.readValue(data, ChangeEvent.class));
                        case Presence.EVENT_NAME -> handler.presence(JSON.readValue(data, Presence.class));
                        case ChangeEvent.OVERFLOW_EVENT_NAME ->
                                handler.overflow(JSON.readTree(data).path("lastEventId").asLong());
                        case ChangeEvent.RESET_EVENT_NAME -> {
                            var json = JSON.readTree(data);
                            handler.reset(json.path("lastEventId").asLong(), json.path("message").asText());
                        }
                        default -> LOG.debug("ignoring event {} of a newer server", type);
                    }
                } catch (JsonProcessingException e) {
                    // One unreadable event must not end the stream; the next fetch of the record is still right.
                    LOG.warn("unreadable {} event {}: {}", type, id, e.getOriginalMessage());
                }
            }

            @Override
            public void onFailure(EventSource source, Throwable t, Response response) {
                if (t instanceof RuntimeException r && !(t instanceof IllegalStateException)) {
                    // A handler threw: that is a bug of ours, not a broken connection; let it surface.
                    failure.error = r;
                } else {
                    failure.error = unreachable(t);
                }
            }
        }
    }
}
