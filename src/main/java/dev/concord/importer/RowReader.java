package dev.concord.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the rows of an import file one at a time; {@link #next()} returns null at the end. */
interface RowReader extends AutoCloseable {
    SourceRow next() throws IOException;

    @Override
    void close() throws IOException;

    static RowReader open(Path file, ImportFormat format, dev.concord.domain.EntityKind kind) throws IOException {
        BufferedReader text = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        try {
            skipByteOrderMark(text);
            return format == ImportFormat.CSV ? new CsvRows(text, kind) : new JsonLinesRows(text);
        } catch (IOException | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    private static void skipByteOrderMark(BufferedReader text) throws IOException {
        text.mark(1);
        if (text.read() != '\uFEFF') {
            text.reset();
        }
    }
}
