package dev.concord.ui.common;

import static dev.concord.i18n.Localization.lang;

import dev.concord.client.ApiException;
import dev.concord.client.SessionExpiredException;
import dev.concord.i18n.ProblemWords;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What went wrong, in the agent's words. The server's messages are English and meant for logs and scripts;
 * the console words the machine-readable code itself and never shows a library's class name.
 */
public final class Problems {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Problems.class);
    private Problems() {
    }

    /** "the server could not be reached", "you are not allowed to do this", ... (lower case, to follow a colon). */
    public static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SessionExpiredException) {
            return lang("problem.sessionExpired");
        }
        if (t instanceof ApiException api) {
            return ofCode(api.code());
        }
        // Not the server's: a local failure. Its own message is English and may name a library class, so the
        // agent reads what kind of problem it is and the log keeps the detail.
        LOG.warn("shown to the agent as a local problem", t);
        if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
            return lang("problem.localFiles");
        }
        return lang("problem.unexpected");
    }

    /** The words for an error code of the API (docs/api.md), or a general sentence naming the code. */
    public static String ofCode(String code) {
        return ProblemWords.ofCode(code);
    }
}
