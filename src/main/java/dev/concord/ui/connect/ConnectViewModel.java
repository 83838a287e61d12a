package dev.concord.ui.connect;

import static dev.concord.i18n.Localization.lang;

import dev.concord.auth.SignInException;
import dev.concord.ui.common.Problems;
import dev.concord.wording.SignInWords;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** State of the Connect screen: the server URL, a token, what is going on, and whether a step is under way. */
public final class ConnectViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConnectViewModel.class);
    private final ConnectActions actions;
    private final Executor ui;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /** {@code ui} runs updates on the FX thread (Platform::runLater in the application). */
    public ConnectViewModel(ConnectActions actions, String serverUrl, String message, Executor ui) {
        this.actions = actions;
        this.ui = ui;
        this.server.set(serverUrl == null ? "" : serverUrl);
        this.message.set(message == null ? "" : message);
    }

    public void signIn() {
        if (server.get().isBlank()) {
            message.set(lang("connect.enterServer"));
            return;
        }
        run(lang("connect.openingBrowser"), actions.signIn(server.get().strip()));
    }

    public void useToken() {
        if (server.get().isBlank() || token.get().isBlank()) {
            message.set(lang("connect.enterServerAndToken"));
            return;
        }
        run(lang("connect.connecting"), actions.useToken(server.get().strip(), token.get().strip()));
    }

    public void tryDemo() {
        run(lang("connect.startingDemo"), actions.tryDemo());
    }

    private void run(String doing, CompletionStage<?> step) {
        busy.set(true);
        message.set(doing);
        step.whenComplete((ok, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                message.set(describe(failure));
            } else {
                message.set("");
            }
        }));
    }

    /**
     * What the person reads when a Connect step failed: a sign-in failure worded from its reason, a failure the
     * application already worded, else the kind of problem. Never a Java or library message (the log has it).
     */
    public static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof WordedFailure worded) {
            return worded.getMessage();
        }
        if (t instanceof SignInException signIn) {
            LOG.info("sign-in failed ({}): {}", signIn.reason(), signIn.getMessage(), signIn.getCause());
            return SignInWords.of(signIn);
        }
        return lang("connect.failed", Problems.describe(t));
    }

    public boolean signInAvailable() {
        return actions.signInAvailable();
    }

    public String secretsKeptIn() {
        return actions.secretsKeptIn();
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
