package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PatchInput's direct reading of changes gives exactly what Jackson's general conversion gave (issue 16). */
class PatchInputWireValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"customerName\": \"Ann\", \"notes\": null, \"autoRenew\": true}",
            "{\"customerName\": \"\\u00e9t\\u00e9 \\ud83d\\ude00\", \"status\": \"paused\"}",
            "{\"amount\": \"19.99\", \"seats\": 3, \"big\": 12345678901234567890, \"ratio\": 0.10}",
            "{\"tags\": [\"a\", \"b\"], \"nested\": {\"x\": 1}, \"name\": \"after\"}",
            "{}"})
    void sameValuesAndOrderAsJacksonsConversion(String body) {
        ObjectNode obj = StrictJson.object(body.getBytes(StandardCharsets.UTF_8), "{}");
        Object general = Json.mapper().convertValue(obj, LinkedHashMap.class);
        assertThat(PatchInput.wireValues(obj)).containsExactlyEntriesOf(castMap(general));
        assertThat(typesOf(PatchInput.wireValues(obj))).as("value types").isEqualTo(typesOf(castMap(general)));
    }

    private static java.util.List<String> typesOf(java.util.Map<String, Object> m) {
        return m.values().stream().map(v -> v == null ? "null" : v.getClass().getName()).toList();
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> castMap(Object o) {
        return (java.util.Map<String, Object>) o;
    }
}
