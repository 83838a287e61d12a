package dev.concord.server;

import java.sql.SQLException;

/** A database failure the client could not have caused; it becomes a logged 500 without SQL text. */
final class StorageException extends RuntimeException {
    StorageException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
