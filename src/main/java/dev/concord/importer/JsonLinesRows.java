package dev.concord.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.concord.api.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON lines: one object per line, values in wire form (money as strings, tags as arrays). */
final class JsonLinesRows implements RowReader {
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BufferedReader text;
    private int line;

    JsonLinesRows(BufferedReader text) {
        this.text = text;
    }

    @Override
    public SourceRow next() throws IOException {
        String raw;
        do {
            raw = text.readLine();
            line++;
            if (raw == null) {
                return null;
            }
        } while (raw.isBlank());
        JsonNode node;
        try {
            node = STRICT.readTree(raw);
        } catch (JsonProcessingException e) {
            return new SourceRow.Unreadable(line, null, "not valid JSON: "
                    + ControlColumns.shorten(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return new SourceRow.Unreadable(line, null, "each line must be one JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> all = Json.mapper().convertValue(node, LinkedHashMap.class);
        if (node.has(ControlColumns.VERSION) && node.get(ControlColumns.VERSION).isNumber()
                && !node.get(ControlColumns.VERSION).isIntegralNumber()) {
            return new SourceRow.Unreadable(line, ControlColumns.VERSION, "version must be a whole number");
        }
        return ControlColumns.row(line, all);
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
