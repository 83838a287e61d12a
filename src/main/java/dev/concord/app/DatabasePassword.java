package dev.concord.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database password of a command ({@code server}, {@code import}): from {@code --db-password-file FILE}, else
 * the {@code CONCORD_DB_PASSWORD} environment variable; never an argument, which every user's {@code ps} shows.
 */
final class DatabasePassword {
    static final String ENV = "CONCORD_DB_PASSWORD";

    private DatabasePassword() {
    }

    /** The file's content without surrounding white space when {@code file} is given, else the variable (or null). */
    static String of(Path file) throws IOException {
        if (file != null) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        return System.getenv(ENV);
    }
}
