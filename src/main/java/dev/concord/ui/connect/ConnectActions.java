package dev.concord.ui.connect;

import java.util.concurrent.CompletionStage;

/**
 * What the Connect screen's buttons do; the application wires them. Each runs off the FX thread and
 * completes when the console has opened, or fails with a message meant for the person.
 */
public interface ConnectActions {
    /** Signs in with the configured identity provider in the system browser. */
    CompletionStage<?> signIn(String serverUrl);

    /** Connects with a token an administrator handed out. */
    CompletionStage<?> useToken(String serverUrl, String token);

    /** Starts the embedded demo server with sample data and opens the console on it. */
    CompletionStage<?> tryDemo();

    /** Whether sign-in is configured (an issuer and a client id); without it only tokens and the demo work. */
    boolean signInAvailable();

    /** Where sign-ins and tokens are kept, for the line under the buttons. */
    String secretsKeptIn();
}
