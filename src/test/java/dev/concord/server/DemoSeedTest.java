package dev.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concord.testing.ApiTestClient;
import dev.concord.testing.TestServers;
import org.junit.jupiter.api.Test;

class DemoSeedTest {
    @Test
    void demoDataIsTheSameOnEveryStartAndLooksReal() {
        try (ConcordServer a = TestServers.h2Demo(); ConcordServer b = TestServers.h2Demo()) {
            ApiTestClient apiA = new ApiTestClient(a.baseUrl());
            ApiTestClient apiB = new ApiTestClient(b.baseUrl());
            for (String list : new String[] {"/api/v1/subscriptions?limit=200", "/api/v1/plans", "/api/v1/invoices?limit=200"}) {
                assertThat(apiA.get("demo-viewer", list).data()).as(list).isEqualTo(apiB.get("demo-viewer", list).data());
            }
            JsonNode subs = apiA.get("demo-viewer", "/api/v1/subscriptions?limit=200").data();
            assertThat(subs.size()).isGreaterThanOrEqualTo(50);
            assertThat(subs.get(0).path("id").asText()).isEqualTo("sub_0001");
            long multiLine = 0;
            for (JsonNode s : subs) {
                if (s.path("notes").asText().split("\n").length >= 3) {
                    multiLine++;
                }
                assertThat(s.path("version").asLong()).isEqualTo(1);
            }
            assertThat(multiLine).isEqualTo(subs.size());
            assertThat(apiA.get("demo-viewer", "/api/v1/plans").data().size()).isEqualTo(5);
            assertThat(apiA.get("demo-viewer", "/api/v1/invoices?limit=200").data().size()).isEqualTo(100);
        }
    }
}
