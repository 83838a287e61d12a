package dev.concord.cli;

import static dev.concord.i18n.Localization.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bearer token given to a program by hand, the same two ways for the command line and the console, most
 * explicit first: {@code --token-file FILE} ({@code -} reads standard input) &gt; the {@code CONCORD_TOKEN}
 * environment variable. Nothing given: empty, and the program goes on to a sign-in or the demo token.
 * {@code --token T} is refused: every user who can list processes would read the token in the command line.
 */
public final class TokenInput {
    public static final String ENV = "CONCORD_TOKEN";
    private static final Logger LOG = LoggerFactory.getLogger(TokenInput.class);

    /** Where a given token came from. */
    public enum Source { FILE, ENV }

    /**
     * A token and where it came from.
     *
     * @param from {@link #ENV}, the file's name, or "standard input", for messages (never the token)
     */
    public record Given(String token, Source source, String from) {
        @Override
        public String toString() {
            return "Given[" + source + " " + from + "]";
        }
    }

    private TokenInput() {
    }

    /**
     * The token given by file or environment, in that order.
     *
     * @param option what {@code --token} was given (null when not used): refused, whatever it is, before the
     *     program sends anything, with a message that names the two safe ways and does not repeat the token
     * @throws IllegalArgumentException when {@code --token} was used, or the file cannot be read or holds no
     *     token (the message names it)
     */
    public static Optional<Given> given(String option, Path file, Map<String, String> env, InputStream stdin) {
        if (option != null) {
            throw new IllegalArgumentException(lang("token.inArgv"));
        }
        if (file != null) {
            return Optional.of(new Given(read(file, stdin), Source.FILE, sourceName(file)));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(new Given(fromEnv.strip(), Source.ENV, ENV));
        }
        return Optional.empty();
    }

    /** The first line of the file (or standard input for {@code -}), so a trailing newline does not count. */
    private static String read(Path file, InputStream stdin) {
        String name = sourceName(file);
        boolean stdinGiven = "-".equals(file.toString());
        if (!stdinGiven && Files.isDirectory(file)) {
            throw new IllegalArgumentException(lang("cli.token.folder", name));
        }
        String text;
        try {
            text = stdinGiven ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(lang("cli.token.noFile", name));
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(lang("cli.token.denied", name));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(lang("cli.token.notText", name));
        } catch (IOException e) {
            // Java's message may name a library class or be in the machine's language: the log keeps it.
            LOG.warn("cannot read the token from {}", name, e);
            throw new IllegalArgumentException(lang("cli.token.unreadable", name));
        }
        String token = text.strip().lines().findFirst().orElse("").strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException(lang("cli.token.empty", name));
        }
        return token;
    }

    private static String sourceName(Path file) {
        return "-".equals(file.toString()) ? lang("cli.how.stdin") : file.toString();
    }
}
