package dev.concord.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the whole file once before anything is written: it must be UTF-8 text (a UTF-8 byte order mark
 * is allowed), and it must look like the format it claims to be. A spreadsheet saved as Latin-1 or
 * UTF-16 is refused here, with the line of the first bad byte, instead of importing mangled names.
 */
final class FileCheck {
    /** What the check learnt: lines (for the progress line) and the first non-blank character. */
    record Summary(long lines, long bytes, int firstChar) {
    }

    private FileCheck() {
    }

    static Summary check(Path file, ImportFormat format) {
        if (!Files.isRegularFile(file)) {
            // Neither there nor provably absent: a folder on the way may not be opened by this user (the
            // installed concord-server imports as the service's user, which cannot look into /root).
            throw new ImportFileException(Files.notExists(file) ? "There is no file " + file
                    : "Cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a folder"
                    : "this user (" + System.getProperty("user.name") + ") may not open it or a folder on its way"));
        }
        if (!Files.isReadable(file)) {
            throw new ImportFileException("Cannot read " + file + ": this user (" + System.getProperty("user.name")
                    + ") may not read it");
        }
        Summary summary;
        try (InputStream in = Files.newInputStream(file)) {
            summary = scan(in, file);
        } catch (IOException e) {
            throw new ImportFileException("Cannot read " + file + ": " + e.getMessage());
        }
        if (summary.firstChar() < 0) {
            throw new ImportFileException(file + " is empty");
        }
        char first = (char) summary.firstChar();
        if (format == ImportFormat.CSV && (first == '{' || first == '[')) {
            throw new ImportFileException(file + " looks like JSON, not CSV; name it .jsonl or pass --format jsonl");
        }
        if (format == ImportFormat.JSON_LINES && first == '[') {
            throw new ImportFileException(file + " is a JSON array; write one JSON object per line (JSON lines) instead");
        }
        if (format == ImportFormat.JSON_LINES && first != '{') {
            throw new ImportFileException(file + " is not JSON lines (each line one object such as "
                    + "{\"customerName\": \"...\"}); for CSV name it .csv or pass --format csv");
        }
        return summary;
    }

    private static Summary scan(InputStream in, Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
        long lines = 1;
        long total = 0;
        int firstChar = -1;
        boolean start = true;
        int n;
        while ((n = in.read(chunk)) >= 0) {
            if (start && n >= 2 && ((chunk[0] == (byte) 0xFE && chunk[1] == (byte) 0xFF)
                    || (chunk[0] == (byte) 0xFF && chunk[1] == (byte) 0xFE))) {
                throw new ImportFileException(file + " is UTF-16 text; save it as UTF-8 (in a spreadsheet: "
                        + "CSV UTF-8) and import again");
            }
            start = false;
            total += n;
            bytes.put(chunk, 0, n).flip();
            CoderResult result = decoder.decode(bytes, chars, false);
            if (result.isError()) {
                throw notUtf8(file, lines + countLines(chars));
            }
            bytes.compact();
            chars.flip();
            for (int i = 0; i < chars.length(); i++) {
                char ch = chars.charAt(i);
                if (ch == '\n') {
                    lines++;
                } else if (ch == 0) {
                    throw new ImportFileException(file + " holds NUL bytes on line " + lines
                            + "; it is not a text file");
                } else if (firstChar < 0 && !Character.isWhitespace(ch) && ch != '\uFEFF') {
                    firstChar = ch;
                }
            }
            chars.clear();
        }
        bytes.flip();
        if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
            throw notUtf8(file, lines);
        }
        return new Summary(lines, total, firstChar);
    }

    private static long countLines(CharBuffer decodedSoFar) {
        long n = 0;
        for (int i = 0; i < decodedSoFar.position(); i++) {
            if (decodedSoFar.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static ImportFileException notUtf8(Path file, long line) {
        return new ImportFileException(file + " is not UTF-8 text (first bad byte on line " + line + "); save it as "
                + "UTF-8 (in a spreadsheet: CSV UTF-8) and import again. Nothing was imported.");
    }
}
