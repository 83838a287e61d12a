package dev.concord.ui.connect;

/**
 * A Connect step that failed for a reason already worded for the person from the bundles ("No Concord server
 * answers at ..."): the Connect screen shows its message as it is. Any other failure is worded by its kind
 * ({@link ConnectViewModel#describe}), never by its own message.
 */
public final class WordedFailure extends RuntimeException {
    public WordedFailure(String words, Throwable cause) {
        super(words, cause);
    }
}
