package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.concord.api.ApiPaths;
import dev.concord.api.Meta;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The envelope put together by hand is byte for byte what Jackson writes for the same map (issue 16). */
class EnvelopesTest {
    @Test
    void okBodyIsWhatTheGeneralSerializerWrites() {
        Meta meta = new Meta(Instant.parse("2026-11-30T21:00:00.123Z"), "req-1", ApiPaths.API_VERSION, null);
        String data = "{\"id\":\"sub_1\",\"notes\":\"a \\\"quoted\\\" line\\n\\u00e9\"}";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", new RawValue(data));
        body.put("meta", meta);
        assertThat(Envelopes.okBody(data, meta)).isEqualTo(Envelopes.toJson(body));
    }

    @Test
    void aRequestIdMadeHereIsAVersion4Uuid() {
        java.util.UUID id = java.util.UUID.fromString(HttpApp.requestId());
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(HttpApp.requestId()).isNotEqualTo(HttpApp.requestId());
    }
}
