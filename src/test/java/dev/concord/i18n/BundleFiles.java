package dev.concord.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** The messages bundles as files: their keys in order (duplicates kept, which Properties would hide). */
final class BundleFiles {
    static final Path DIR = Path.of("src/main/resources/dev/concord/i18n");
    static final Path SOURCES = Path.of("src/main/java");

    private BundleFiles() {
    }

    /** messages.properties first, then every translation, by file name. */
    static List<Path> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().matches("messages(_[a-z]{2})?\\.properties"))
                    .sorted() // "messages." sorts before "messages_"
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path base() {
        return DIR.resolve("messages.properties");
    }

    /** The file's text, refusing anything that is not valid UTF-8 (a Latin-1 "ü" would show as garbage). */
    static String text(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys in the order written, each as often as it is defined. */
    static List<String> keysAsWritten(Path file) {
        List<String> keys = new ArrayList<>();
        boolean continued = false;
        for (String line : text(file).split("\\R")) {
            String trimmed = line.strip();
            boolean wasContinued = continued;
            continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
            if (wasContinued || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            keys.add(trimmed.split("\\s*[=:\\s]", 2)[0]);
        }
        return keys;
    }

    static Map<String, String> values(Path file) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
