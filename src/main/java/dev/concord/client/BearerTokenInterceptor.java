package dev.concord.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} to every request; when the server answers 401 and the token
 * source has a fresh token (a refreshed sign-in), sends the request once more with it. The retry is safe
 * for writes: the server refused the request before doing anything, and PATCHes carry an idempotency key.
 */
final class BearerTokenInterceptor implements Interceptor {
    private final AccessTokens tokens;

    BearerTokenInterceptor(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String token = tokens.current();
        if (tokens.signInRequired()) {
            throw new SignInRequiredIOException();
        }
        Response response = chain.proceed(withToken(chain.request(), token));
        if (response.code() != 401) {
            return response;
        }
        String fresh = tokens.refreshAfterRejection(token);
        if (fresh == null || fresh.equals(token)) {
            return response;
        }
        response.close();
        return chain.proceed(withToken(chain.request(), fresh));
    }

    /** Stops a request before it leaves once the session has ended; ApiTransport turns it into SessionExpiredException. */
    static final class SignInRequiredIOException extends IOException {
        SignInRequiredIOException() {
            super("the sign-in has ended");
        }
    }

    private static Request withToken(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
