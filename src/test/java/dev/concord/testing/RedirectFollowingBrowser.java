package dev.concord.testing;

import dev.concord.auth.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The browser step of a sign-in, for tests: an HTTP client that follows the provider's redirects to the
 * console's loopback listener, as a browser whose user is already signed in at the provider does.
 */
public final class RedirectFollowingBrowser implements Browser {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger opened = new AtomicInteger();

    @Override
    public void open(URI page) throws IOException {
        opened.incrementAndGet();
        // Asynchronously, as a real browser runs apart from the console.
        http.sendAsync(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** How many sign-in pages were opened. */
    public int pagesOpened() {
        return opened.get();
    }
}
