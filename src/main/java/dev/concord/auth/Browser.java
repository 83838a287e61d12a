package dev.concord.auth;

import java.io.IOException;
import java.net.URI;

/**
 * Opens the provider's sign-in page. The console opens the system browser; tests pass an HTTP client
 * that follows the redirects, as a browser whose user is already signed in at the provider would.
 */
@FunctionalInterface
public interface Browser {
    void open(URI page) throws IOException;
}
