package dev.concord.server;

import static dev.concord.testing.ApiTestClient.patchBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concord.testing.ApiTestClient;
import dev.concord.testing.DemoServerFixture;
import dev.concord.testing.ApiTestClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The strict edges of the contract (issue 13): values nobody typed are refused, bodies are read one strict
 * way, content types are negotiated exactly. Run once per database by its subclasses; each test edits
 * records of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StrictContractSuite {
    static final String ALICE = "demo-alice";
    static final String ADMIN = "demo-admin";
    static final String VIEWER = "demo-viewer";

    /** Started before the first test on the database the subclass picks. */
    @RegisterExtension
    final DemoServerFixture demo = new DemoServerFixture(this::startServer);

    abstract ConcordServer startServer();

    static String sub(String id) {
        return "/api/v1/subscriptions/" + id;
    }

    long versionOf(String path) {
        Response r = demo.api().get(ALICE, path);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.data().path("version").asLong();
    }

    // ----- values -----

    @Test
    void currenciesAreIso4217Codes() {
        String path = sub("sub_0031");
        long v = versionOf(path);
        for (String code : List.of("ZZZ", "XXX", "XAU", "eur", "EURO")) {
            Response r = demo.api().patch(ALICE, path, patchBody(v, Map.of("currency", code)));
            assertThat(r.status()).as(code + ": " + r).isEqualTo(422);
            assertThat(r.refusedFields()).containsExactly("currency");
        }
        assertThat(versionOf(path)).isEqualTo(v);
        Response yen = demo.api().patch(ALICE, path, patchBody(v, Map.of("currency", "JPY", "amount", "1200")));
        assertThat(yen.status()).as(yen.toString()).isEqualTo(200);
        assertThat(yen.data().path("currency").asText()).isEqualTo("JPY");
    }

    @Test
    void amountsHaveAtMostTheMinorDigitsOfTheirCurrency() {
        String path = sub("sub_0032");
        long v = versionOf(path);
        assertThat(demo.api().patch(ALICE, path, patchBody(v, Map.of("currency", "JPY", "amount", "12.50"))).refusedFields())
                .containsExactly("amount");
        Response eur = demo.api().patch(ALICE, path, patchBody(v, Map.of("currency", "EUR", "amount", "12.50")));
        assertThat(eur.status()).as(eur.toString()).isEqualTo(200);
        // Switching to yen alone would leave 12.50 yen: refused, naming the amount.
        Response yenOnly = demo.api().patch(ALICE, path, patchBody(v + 1, Map.of("currency", "JPY")));
        assertThat(yenOnly.status()).as(yenOnly.toString()).isEqualTo(422);
        assertThat(yenOnly.refusedFields()).containsExactly("amount");
        assertThat(versionOf(path)).isEqualTo(v + 1);
    }

    @Test
    void amountsArePlainAsciiDecimalsAndNothingElse() {
        String path = sub("sub_0033");
        long v = versionOf(path);
        String before = demo.api().get(ALICE, path).data().path("amount").asText();
        for (String amount : List.of("1e2", "1E+2", " 5.00 ", "+5", "-0.00", "-5", "\u0661\u0662\u0663.\u0664\u0665",
                "\uff11\uff12.\uff13\uff14", "5.", ".5", "5,00", "0x10", "NaN", "Infinity", "")) {
            Response r = demo.api().patch(ALICE, path, patchBody(v, Map.of("amount", amount)));
            assertThat(r.status()).as("'" + amount + "': " + r).isEqualTo(422);
            assertThat(r.refusedFields()).containsExactly("amount");
        }
        for (String number : List.of("1e2", "1E+2", "-0.00", "-0", "1.0e1")) {
            Response r = demo.api().patch(ALICE, path, "{\"version\":" + v + ",\"changes\":{\"amount\":" + number + "}}");
            assertThat(r.status()).as(number + ": " + r).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("MALFORMED_JSON");
        }
        assertThat(demo.api().get(ALICE, path).data().path("amount").asText()).isEqualTo(before);
        assertThat(versionOf(path)).isEqualTo(v);

        Response asNumber = demo.api().patch(ALICE, path, "{\"version\":" + v + ",\"changes\":{\"amount\":19.9}}");
        assertThat(asNumber.status()).as(asNumber.toString()).isEqualTo(200);
        assertThat(asNumber.data().path("amount").asText()).isEqualTo("19.90");
        Response asString = demo.api().patch(ALICE, path, patchBody(v + 1, Map.of("amount", "0.00")));
        assertThat(asString.data().path("amount").asText()).isEqualTo("0.00");
    }

    @Test
    void textFieldsRefuseControlCharactersAndCountCharactersNotUnits() {
        String path = sub("sub_0034");
        long v = versionOf(path);
        Response bell = demo.api().patch(ALICE, path, "{\"version\":" + v + ",\"changes\":{\"customerName\":\"A\\u0007B\","
                + "\"tags\":[\"ok\",\"x\\u001b[31m\"],\"notes\":\"a\\u0000\"}}");
        assertThat(bell.status()).as(bell.toString()).isEqualTo(422);
        assertThat(bell.refusedFields()).containsExactlyInAnyOrder("customerName", "tags", "notes");
        assertThat(versionOf(path)).isEqualTo(v);
        String emoji = "\uD83D\uDE00".repeat(200); // 200 characters, 400 UTF-16 units
        Response ok = demo.api().patch(ALICE, path, patchBody(v, Map.of("customerName", emoji, "notes", "line 1\n\tline 2")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.data().path("customerName").asText()).isEqualTo(emoji);
    }

    // ----- bodies -----

    @Test
    void presenceBodiesAreReadAsStrictlyAsEveryOther() {
        String path = sub("sub_0035") + "/presence";
        assertThat(demo.api().send("PUT", ALICE, path, "{\"state\":\"viewing\"}", "application/json").status()).isEqualTo(200);
        Response trailing = demo.api().send("PUT", ALICE, path, "{\"state\":\"viewing\"} garbage", "application/json");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.errorCode()).isEqualTo("MALFORMED_JSON");
        Response twice = demo.api().send("PUT", ALICE, path, "{\"state\":\"viewing\",\"state\":\"editing\"}", "application/json");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("appears twice");
        Response unknown = demo.api().send("PUT", ALICE, path, "{\"state\":\"viewing\",\"mood\":\"happy\"}", "application/json");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.refusedFields()).containsExactly("mood");
        Response numberState = demo.api().send("PUT", ALICE, path, "{\"state\":1}", "application/json");
        assertThat(numberState.status()).isEqualTo(422);
        assertThat(demo.api().send("PUT", ALICE, path, "{\"state\":\"viewing\"}", "text/plain").status()).isEqualTo(415);
    }

    @Test
    void messagesNeverNameLibraryClasses() {
        String path = sub("sub_0036");
        long v = versionOf(path);
        List<String> bodies = List.of("{".repeat(2000), "[".repeat(2000), "{\"version\":1,\"version\":1,\"changes\":{}}",
                "{\"version\":" + v + ",\"changes\":{\"status\":\"paused\"}}}", "{'version':1}", "{\"a\":NaN}",
                "{\"version\":01}", "{\"version\":" + v + ",\"changes\":{\"notes\":\"\\q\"}}", "\"text\"", "[1]", "nul");
        for (String body : bodies) {
            Response r = demo.api().patch(ALICE, path, body);
            String label = body.length() > 40 ? body.substring(0, 40) : body;
            assertThat(r.status()).as(label + ": " + r).isBetween(400, 499);
            assertThat(r.error().path("message").asText()).as(label)
                    .doesNotContain("com.fasterxml").doesNotContain("jackson").doesNotContain("Jackson")
                    .doesNotContain("Feature").doesNotContain("Constraints").doesNotContain("JsonNode")
                    .doesNotContain("`").doesNotContain("java.");
        }
        assertThat(versionOf(path)).isEqualTo(v);
    }

    // ----- content negotiation -----

    @Test
    void writesTakeExactlyApplicationJson() {
        String path = sub("sub_0037");
        long v = versionOf(path);
        String body = patchBody(v, Map.of("status", "paused"));
        for (String type : List.of("application/merge-patch+json", "application/vnd.concord+json",
                "application/json; charset=latin1", "application/json; profile=x", "application/jsonx", "text/json")) {
            Response r = demo.api().send("PATCH", ALICE, path, body, type);
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        Response jsonPatch = demo.api().send("PATCH", ALICE, path, "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"paused\"}]",
                "application/json-patch+json");
        assertThat(jsonPatch.status()).isEqualTo(415);
        assertThat(versionOf(path)).isEqualTo(v);
        assertThat(demo.api().send("PATCH", ALICE, path, body, "Application/JSON;charset=\"UTF-8\"").status()).isEqualTo(200);
    }

    @Test
    void acceptIsHonouredWith406() {
        String path = sub("sub_0038");
        for (String accept : List.of("text/html", "application/xml", "application/json;q=0", "text/*")) {
            Response r = demo.api().send("GET", ALICE, path, null, null, "Accept", accept);
            assertThat(r.status()).as(accept).isEqualTo(406);
            assertThat(r.errorCode()).isEqualTo("NOT_ACCEPTABLE");
        }
        for (String accept : List.of("application/json", "*/*", "application/*", "text/html, application/json;q=0.5",
                "application/json; charset=utf-8")) {
            assertThat(demo.api().send("GET", ALICE, path, null, null, "Accept", accept).status()).as(accept).isEqualTo(200);
        }
    }

    // ----- override reason -----

    @Test
    void overrideReasonIsStoredAsTypedInUtf8AndCountedInCharacters() throws Exception {
        String path = sub("sub_0039");
        long v = versionOf(path);
        String reason = "Remboursement accordé — 返金 \uD83D\uDE00";
        assertThat(forced(path, patchBody(v, Map.of("notes", "refund")), reason.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(200);
        assertThat(demo.api().get(VIEWER, path + "/history").data().get(0).path("reason").asText()).isEqualTo(reason);

        String thousand = "\uD83D\uDE00".repeat(1000); // 1000 characters, 2000 UTF-16 units, 4000 bytes
        assertThat(forced(path, patchBody(null, Map.of("notes", "again")), thousand.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(200);
        assertThat(demo.api().get(VIEWER, path + "/history").data().get(0).path("reason").asText()).isEqualTo(thousand);
        assertThat(forced(path, patchBody(null, Map.of("notes", "more")), (thousand + "é").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(400);
        // One byte 0xE9 is Latin-1 for é, not UTF-8: refused rather than guessed.
        assertThat(forced(path, patchBody(null, Map.of("notes", "more")), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(400);
        assertThat(demo.api().get(VIEWER, path).data().path("notes").asText()).isEqualTo("again");
    }

    /** A forced PATCH over a plain socket, so the reason header goes out as exactly these bytes. */
    int forced(String path, String body, byte[] reason) throws java.io.IOException {
        java.net.URI uri = java.net.URI.create(demo.server().baseUrl());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream req = new java.io.ByteArrayOutputStream();
            req.writeBytes(("PATCH " + path + "?force=true HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + ADMIN + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + payload.length + "\r\nX-Override-Reason: ").getBytes(StandardCharsets.US_ASCII));
            req.writeBytes(reason);
            req.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            req.writeBytes(payload);
            socket.getOutputStream().write(req.toByteArray());
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }
}
