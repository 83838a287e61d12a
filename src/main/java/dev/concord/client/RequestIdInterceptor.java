package dev.concord.client;

import dev.concord.api.ApiPaths;
import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Gives every request an {@code X-Request-Id} so a client log line can be matched with the server's. */
final class RequestIdInterceptor implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header(ApiPaths.REQUEST_ID) != null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header(ApiPaths.REQUEST_ID, UUID.randomUUID().toString()).build());
    }
}
