package dev.concord.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks a GET or HEAD once more when the connection broke before an answer came. The server closes an idle
 * keep-alive connection without notice (Jetty after 30 s); OkHttp checks a pooled connection before a GET
 * only cheaply, reuses it and fails with "unexpected end of stream" (the console's list page did, under
 * load). The clients turn off OkHttp's own retry so that no write is ever resent behind the coordinator's
 * back; a read is safe to repeat. Failures that a second try cannot change (no route, refused, timed out,
 * TLS, cancelled) are not retried, so an unreachable server is still reported at once.
 */
final class StaleConnectionRetry implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return chain.proceed(request);
        }
        try {
            return chain.proceed(request);
        } catch (IOException first) {
            if (!worthAnotherTry(first) || chain.call().isCanceled()) {
                throw first;
            }
            try {
                return chain.proceed(request);
            } catch (IOException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static boolean worthAnotherTry(IOException e) {
        return !(e instanceof InterruptedIOException || e instanceof ConnectException
                || e instanceof UnknownHostException || e instanceof SSLException
                || e instanceof BearerTokenInterceptor.SignInRequiredIOException);
    }
}
