package dev.concord.ui.main;

import dev.concord.ui.connect.ConnectActions;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Connect actions that never finish, for tests that look at the Connect screen's words or walk its focus
 * without signing in.
 */
class NeverFinishingConnect implements ConnectActions {
    @Override
    public CompletionStage<?> signIn(String serverUrl) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<?> useToken(String serverUrl, String token) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletionStage<?> tryDemo() {
        return new CompletableFuture<>();
    }

    @Override
    public boolean signInAvailable() {
        return true;
    }

    @Override
    public String secretsKeptIn() {
        return "a test store";
    }
}
