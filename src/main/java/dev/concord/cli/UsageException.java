package dev.concord.cli;

/** Input the command line cannot act on; the message says what to type instead. Exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
