package dev.concord.reliability;

import static dev.concord.api.ErrorCode.ALREADY_EXISTS;
import static dev.concord.api.ErrorCode.BAD_REQUEST;
import static dev.concord.api.ErrorCode.HAS_DEPENDENTS;
import static dev.concord.api.ErrorCode.NOT_DELETED;
import static dev.concord.api.ErrorCode.CONFLICT_VERSION_MISMATCH;
import static dev.concord.api.ErrorCode.FORBIDDEN;
import static dev.concord.api.ErrorCode.HEADERS_TOO_LARGE;
import static dev.concord.api.ErrorCode.URI_TOO_LONG;
import static dev.concord.api.ErrorCode.INVALID_VERSION;
import static dev.concord.api.ErrorCode.MALFORMED_JSON;
import static dev.concord.api.ErrorCode.METHOD_NOT_ALLOWED;
import static dev.concord.api.ErrorCode.NOT_FOUND;
import static dev.concord.api.ErrorCode.OVERRIDE_REASON_REQUIRED;
import static dev.concord.api.ErrorCode.PAYLOAD_TOO_LARGE;
import static dev.concord.api.ErrorCode.PRECONDITION_REQUIRED;
import static dev.concord.api.ErrorCode.UNAUTHORIZED;
import static dev.concord.api.ErrorCode.UNSUPPORTED_MEDIA_TYPE;
import static dev.concord.api.ErrorCode.VALIDATION_FAILED;
import static dev.concord.api.ErrorCode.VERSION_HEADER_MISMATCH;

import dev.concord.api.ErrorCode;
import dev.concord.server.ConcordServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The bad-input corpus: generated malformed and hostile requests, each with the one defect that must get
 * it refused, and the documented error code(s) it must be refused with. None of them may change anything.
 * Every PATCH here is otherwise well-formed against the demo data (sub_0001 at version 1), so a request
 * that slipped through would really write.
 */
final class HostileRequests {
    static final String RECORD = "/api/v1/subscriptions/sub_0001";
    static final String GOOD_CHANGES = "{\"notes\":\"slipped through\"}";
    private static final String ALICE = "demo-alice";

    /** One hostile request and how it must be refused; {@code readAllowed}: a GET that may answer 200. */
    record Case(String name, RawHttp.Request request, Set<ErrorCode> expected, boolean readAllowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final List<Case> cases = new ArrayList<>();

    static List<Case> all() {
        HostileRequests c = new HostileRequests();
        c.brokenJson();
        c.wrongTypes();
        c.hugeInput();
        c.unicode();
        c.sqlMetacharacters();
        c.headerInjection();
        c.tokens();
        c.versions();
        c.pathsAndIds();
        c.contentTypes();
        c.forcedWrites();
        c.creates();
        c.deletesAndRestores();
        return List.copyOf(c.cases);
    }

    private void brokenJson() {
        String[] bodies = {"", " ", "{", "}", "{\"version\":", "{\"version\":1,", "{\"version\":1,\"changes\":{\"notes\":\"x\"}",
            "{\"version\":1,\"changes\":{\"notes\":\"x\"}}}", "{'version':1,'changes':{'notes':'x'}}",
            "{\"version\":1,\"changes\":{\"notes\":\"x\",}}", "{version:1,changes:{notes:\"x\"}}",
            "{\"version\":1 \"changes\":{}}", "{\"version\":NaN,\"changes\":{\"notes\":\"x\"}}",
            "{\"version\":1,\"changes\":{\"notes\":\"unterminated}}", "{\"version\":1,\"changes\":{\"notes\":\"\\x41\"}}",
            "{\"version\":1,\"changes\":{\"notes\":\"x\"}} trailing", "nul", "tru", "{\"version\":01,\"changes\":{\"notes\":\"x\"}}",
            "{\"version\":1,\"version\":1,\"changes\":{\"notes\":\"x\"}}", "{\"version\":1,\"changes\":{\"notes\":\"a\",\"notes\":\"b\"}}",
            "/* comment */ {\"version\":1,\"changes\":{\"notes\":\"x\"}}", "{\"version\":1,\"changes\":{\"notes\":\"x\"}}\u0000",
            "[" .repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
            "{\"version\":1,\"changes\":{\"notes\":\"x\"}}".substring(0, 20), "\"\\ud800\"", "{\"version\":1e2,\"changes\":{\"notes\":\"x\"}}"};
        for (int i = 0; i < bodies.length; i++) {
            patch("broken JSON #" + i + ": " + abbreviate(bodies[i]), bodies[i], MALFORMED_JSON, BAD_REQUEST,
                    INVALID_VERSION, VALIDATION_FAILED);
        }
        patch("bytes that are not UTF-8", new byte[] {'{', '"', 'v', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'},
                Set.of(MALFORMED_JSON));
        patch("UTF-16 body declared as JSON", "{\"version\":1,\"changes\":{\"notes\":\"x\"}}".getBytes(StandardCharsets.UTF_16),
                Set.of(MALFORMED_JSON, BAD_REQUEST));
        for (String notObject : new String[] {"null", "42", "\"text\"", "[]", "[{\"version\":1,\"changes\":{\"notes\":\"x\"}}]", "true"}) {
            patch("JSON but not an object: " + notObject, notObject, BAD_REQUEST, MALFORMED_JSON);
        }
    }

    private void wrongTypes() {
        String[][] wrong = {
            {"customerName", "42"}, {"customerName", "true"}, {"customerName", "{}"}, {"customerName", "[\"a\"]"},
            {"customerName", "null"}, {"customerName", "\"\""}, {"customerName", "\"two\\nlines\""},
            {"customerEmail", "\"not-an-email\""}, {"customerEmail", "7"}, {"customerEmail", "\"a@b@c\""},
            {"planId", "\"plan_does_not_exist\""}, {"planId", "1"}, {"planId", "\"../plans\""},
            {"status", "\"ACTIVE\""}, {"status", "\"deleted\""}, {"status", "1"}, {"status", "null"}, {"status", "[\"active\"]"},
            {"amount", "19.999"}, {"amount", "\"-1.00\""},
            // Values the adversarial run of issue 13 saw stored: none of them is a plain amount.
            {"amount", "\"1e2\""}, {"amount", "\"1E+2\""}, {"amount", "\" 5.00 \""}, {"amount", "\"+5\""},
            {"amount", "\"-0.00\""}, {"amount", "\"\u0661\u0662\u0663.\u0664\u0665\""}, {"amount", "\"\uff11\uff12.\uff13\uff14\""},
            {"currency", "\"ZZZ\""}, {"currency", "\"XXX\""}, {"customerName", "\"bell\\u0007\""}, {"amount", "\"1.234\""}, {"amount", "\"abc\""}, {"amount", "\"\""},
            {"amount", "\"NaN\""}, {"amount", "\"Infinity\""}, {"amount", "\"1e400\""}, {"amount", "\"1e-400\""},
            {"amount", "\"9999999999999999.00\""}, {"amount", "null"}, {"amount", "{\"value\":\"1\"}"},
            {"currency", "\"eur\""}, {"currency", "\"EURO\""}, {"currency", "\"E1R\""}, {"currency", "978"},
            {"billingCycle", "\"daily\""}, {"billingCycle", "\"Monthly\""},
            {"nextBillingDate", "\"2026-02-30\""}, {"nextBillingDate", "\"01/02/2026\""}, {"nextBillingDate", "20260101"},
            {"nextBillingDate", "\"2026-01-01T00:00:00Z\""},
            {"cancelAtPeriodEnd", "\"yes\""}, {"cancelAtPeriodEnd", "1"}, {"cancelAtPeriodEnd", "null"},
            {"tags", "\"vip\""}, {"tags", "[1,2]"}, {"tags", "[\"\"]"}, {"tags", "[null]"}, {"tags", "[[\"nested\"]]"},
            {"notes", "42"}, {"notes", "{\"text\":\"x\"}"}, {"notes", "[\"x\"]"},
            {"id", "\"sub_9999\""}, {"version", "99"}, {"createdAt", "\"2020-01-01T00:00:00Z\""},
            {"updatedAt", "\"2020-01-01T00:00:00Z\""}, {"updatedBy", "\"mallory\""}, {"nickname", "\"x\""},
            {"__proto__", "{}"}, {"constructor", "{\"prototype\":{}}"}, {"", "\"x\""}};
        for (String[] w : wrong) {
            patch("wrong value " + w[0] + "=" + w[1], "{\"version\":1,\"changes\":{\"" + w[0] + "\":" + w[1] + "}}",
                    VALIDATION_FAILED);
        }
        patch("tags over the limit", "{\"version\":1,\"changes\":{\"tags\":[" + String.join(",",
                java.util.stream.IntStream.range(0, 51).mapToObj(i -> "\"t" + i + "\"").toList()) + "]}}", VALIDATION_FAILED);
        for (String changes : new String[] {"null", "[]", "\"notes\"", "{}", "42", "[{\"notes\":\"x\"}]"}) {
            patch("changes is " + changes, "{\"version\":1,\"changes\":" + changes + "}", VALIDATION_FAILED);
        }
        patch("no changes at all", "{\"version\":1}", VALIDATION_FAILED);
        patch("top-level field beside changes", "{\"version\":1,\"changes\":{\"notes\":\"x\"},\"status\":\"paused\"}",
                VALIDATION_FAILED);
        patch("one good field and one bad", "{\"version\":1,\"changes\":{\"notes\":\"x\",\"status\":\"bogus\"}}", VALIDATION_FAILED);
        patch("plan field on a subscription", "{\"version\":1,\"changes\":{\"price\":\"1.00\"}}", VALIDATION_FAILED);
        add("plan with a subscription field", rawPatch("/api/v1/plans/plan_basic", ALICE, "application/json",
                bytes("{\"version\":1,\"changes\":{\"notes\":\"x\"}}")), VALIDATION_FAILED);
        add("invoice with a bad subscription", rawPatch("/api/v1/invoices/inv_0001", ALICE, "application/json",
                bytes("{\"version\":1,\"changes\":{\"subscriptionId\":\"sub_9999\"}}")), VALIDATION_FAILED);
        add("invoice with a bad status", rawPatch("/api/v1/invoices/inv_0001", ALICE, "application/json",
                bytes("{\"version\":1,\"changes\":{\"status\":\"active\"}}")), VALIDATION_FAILED);
        add("plan with features not a list", rawPatch("/api/v1/plans/plan_basic", ALICE, "application/json",
                bytes("{\"version\":1,\"changes\":{\"features\":\"all\"}}")), VALIDATION_FAILED);
    }

    private void hugeInput() {
        patch("notes over 512k characters", "{\"version\":1,\"changes\":{\"notes\":\"" + "x".repeat(600_000) + "\"}}",
                VALIDATION_FAILED);
        patch("customer name of 201 characters", "{\"version\":1,\"changes\":{\"customerName\":\"" + "n".repeat(201) + "\"}}",
                VALIDATION_FAILED);
        patch("body of 2 MiB with a length", "{\"version\":1,\"changes\":{\"notes\":\"" + "x".repeat(2 << 20) + "\"}}",
                PAYLOAD_TOO_LARGE);
        add("body of 2 MiB chunked, no length", new RawHttp.Request("PATCH", RECORD, RawHttp.headers(
                "Authorization", "Bearer " + ALICE, "Content-Type", "application/json"),
                bytes("{\"version\":1,\"changes\":{\"notes\":\"" + "y".repeat(2 << 20) + "\"}}"), true), PAYLOAD_TOO_LARGE);
        patch("body one byte over 1 MiB", "{\"version\":1,\"changes\":{\"notes\":\""
                + "z".repeat((1 << 20) - 34) + "\"}}", PAYLOAD_TOO_LARGE);
        patch("a million-digit version", "{\"version\":" + "9".repeat(1_000_000 - 30) + ",\"changes\":{\"notes\":\"x\"}}",
                INVALID_VERSION, MALFORMED_JSON, PAYLOAD_TOO_LARGE);
        patch("10,000 unknown fields", "{\"version\":1,\"changes\":{" + String.join(",",
                java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "\"f" + i + "\":1").toList()) + "}}", VALIDATION_FAILED);
        patch("a long field name", "{\"version\":1,\"changes\":{\"" + "k".repeat(100_000) + "\":\"x\"}}", VALIDATION_FAILED,
                MALFORMED_JSON);
        get("query of 10k characters", "/api/v1/subscriptions?q=" + "q".repeat(10_000), BAD_REQUEST, URI_TOO_LONG);
    }

    private void unicode() {
        String[][] values = {
            {"status", "\"act\\u0456ve\""}, {"status", "\"active\\u200b\""}, {"status", "\"\\uff41ctive\""},
            {"currency", "\"\\u20acUR\""}, {"currency", "\"\\uff25\\uff35\\uff32\""}, {"currency", "\"EU\\u0000\""},
            {"billingCycle", "\"m\\u00f6nthly\""}, {"customerEmail", "\"\\u202eexample.com@x\""},
            {"customerName", "\"bad\\u0000name\""}, {"notes", "\"nul \\u0000 inside\""}, {"notes", "\"lone \\ud800 surrogate\""},
            {"notes", "\"reversed \\udc00\\ud800 pair\""}, {"customerName", "\"\\udfff\""}, {"tags", "[\"\\ud83d\"]"},
            {"nextBillingDate", "\"\\u0662\\u0660\\u0662\\u0666-01-01\""}, {"planId", "\"plan_b\\u0430sic\""},
            {"n\\u00f6tes", "\"x\""}, {"\\u0000", "\"x\""}, {"notes\\u0000", "\"x\""}};
        for (String[] v : values) {
            patch("unicode " + v[0] + "=" + v[1], "{\"version\":1,\"changes\":{\"" + v[0] + "\":" + v[1] + "}}", VALIDATION_FAILED);
        }
        for (String id : new String[] {"sub_%C3%A9", "%EF%BC%B3ub_0001", "sub_0001%E2%80%8B", "%F0%9F%98%80", "sub%00_0001"}) {
            add("unicode id " + id, rawPatch("/api/v1/subscriptions/" + id, ALICE, "application/json",
                    bytes("{\"version\":1,\"changes\":" + GOOD_CHANGES + "}")), NOT_FOUND, BAD_REQUEST);
        }
        add("BOM before the body", rawPatch(RECORD, ALICE, "application/json",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("{\"version\":1,\"changes\":{\"status\":\"bogus\"}}"))),
                MALFORMED_JSON, VALIDATION_FAILED);
        add("unicode token", rawPatch(RECORD, "d\u00e9mo-alice", "application/json", body1()), UNAUTHORIZED);
    }

    private void sqlMetacharacters() {
        String[] payloads = {"' OR '1'='1", "'; DROP TABLE subscriptions; --", "\" OR \"\"=\"", "1; UPDATE subscriptions SET amount=0",
            "%' OR 1=1 --", "\\'; --", "$$; DELETE FROM change_log; $$", "') UNION SELECT * FROM idempotency_keys --"};
        for (String p : payloads) {
            String json = p.replace("\\", "\\\\").replace("\"", "\\\"");
            patch("SQL in status: " + p, "{\"version\":1,\"changes\":{\"status\":\"" + json + "\"}}", VALIDATION_FAILED);
            patch("SQL in planId: " + p, "{\"version\":1,\"changes\":{\"planId\":\"" + json + "\"}}", VALIDATION_FAILED);
            patch("SQL as field name: " + p, "{\"version\":1,\"changes\":{\"" + json + "\":\"x\"}}", VALIDATION_FAILED);
            String encoded = java.net.URLEncoder.encode(p, StandardCharsets.UTF_8);
            add("SQL in id: " + p, rawPatch("/api/v1/subscriptions/" + encoded, ALICE, "application/json", body1()), NOT_FOUND);
            get("SQL in status filter: " + p, "/api/v1/subscriptions?status=" + encoded, BAD_REQUEST);
            add("SQL in search (a read)", new RawHttp.Request("GET", "/api/v1/subscriptions?q=" + encoded,
                    RawHttp.headers("Authorization", "Bearer " + ALICE), null, false), Set.of(), true);
            get("SQL in cursor: " + p, "/api/v1/subscriptions?cursor=" + encoded, BAD_REQUEST);
            get("SQL in limit: " + p, "/api/v1/subscriptions?limit=" + encoded, BAD_REQUEST);
            add("SQL in version path: " + p, new RawHttp.Request("GET", RECORD + "/versions/" + encoded,
                    RawHttp.headers("Authorization", "Bearer " + ALICE), null, false), Set.of(INVALID_VERSION, NOT_FOUND), false);
        }
        add("SQL in Idempotency-Key", rawPatch(RECORD, ALICE, "application/json", body1(),
                "Idempotency-Key", "k' OR '1'='1; DROP TABLE idempotency_keys"), BAD_REQUEST);
        add("SQL in override reason as an agent", rawPatch(RECORD + "?force=true", ALICE, "application/json", body1(),
                "X-Override-Reason", "'); DELETE FROM change_log; --"), FORBIDDEN);
    }

    private void headerInjection() {
        add("CRLF in X-Request-Id (obs-fold continuation)", rawPatch(RECORD, ALICE, "application/json",
                bytes("{\"version\":1,\"changes\":{\"status\":\"bogus\"}}"), "X-Request-Id", "abc\r\n Set-Cookie: pwned=1"),
                VALIDATION_FAILED, BAD_REQUEST);
        add("request id full of markup", rawPatch(RECORD, ALICE, "application/json",
                bytes("{\"version\":1,\"changes\":{\"status\":\"bogus\"}}"), "X-Request-Id", "<script>alert(1)</script>"),
                VALIDATION_FAILED);
        add("bare LF smuggles an admin token into a viewer's forced write", rawPatch(RECORD + "?force=true",
                "demo-viewer\nAuthorization: Bearer demo-admin", "application/json", body1(), "X-Override-Reason", "smuggled"),
                FORBIDDEN, BAD_REQUEST, UNAUTHORIZED);
        add("bare LF smuggles a reason into an agent's forced write", rawPatch(RECORD + "?force=true", ALICE,
                "application/json", body1(), "If-Match", "\"1\"\nX-Override-Reason: smuggled"), FORBIDDEN, BAD_REQUEST);
        add("second Content-Length", rawPatch(RECORD, ALICE, "application/json", body1(), "Content-Length", "5"),
                BAD_REQUEST);
        add("Authorization with CR LF and a second token", rawPatch(RECORD, "demo-viewer\r\nAuthorization: Bearer demo-admin",
                "application/json", body1()), FORBIDDEN, BAD_REQUEST, UNAUTHORIZED);
        add("two Authorization headers", rawPatch(RECORD, "demo-viewer", "application/json", body1(),
                "Authorization", "Bearer demo-alice"), FORBIDDEN, UNAUTHORIZED, BAD_REQUEST);
        add("force smuggled in a header", rawPatch(RECORD, ALICE, "application/json",
                bytes("{\"version\":99,\"changes\":{\"status\":\"bogus\"}}"), "X-Force", "true", "X-Actor", "admin"),
                VALIDATION_FAILED);
        add("method override to DELETE", rawPatch(RECORD, ALICE, "application/json", body1(), "X-HTTP-Method-Override", "DELETE"),
                METHOD_NOT_ALLOWED);
        add("headers of 100 KB", rawPatch(RECORD, ALICE, "application/json", body1(), "X-Padding", "p".repeat(100_000)),
                HEADERS_TOO_LARGE);
        add("request line of 100 KB", rawPatch(RECORD + "?pad=" + "p".repeat(100_000), ALICE, "application/json", body1()),
                URI_TOO_LONG);
        add("Idempotency-Key with a space", rawPatch(RECORD, ALICE, "application/json", body1(), "Idempotency-Key", "a b"),
                BAD_REQUEST);
        add("Idempotency-Key of 201 characters", rawPatch(RECORD, ALICE, "application/json", body1(),
                "Idempotency-Key", "k".repeat(201)), BAD_REQUEST);
        add("Idempotency-Key not ASCII", rawPatch(RECORD, ALICE, "application/json", body1(), "Idempotency-Key", "\u00e9\u00e9"),
                BAD_REQUEST);
        add("Authorization header of 6 KB", rawPatch(RECORD, "x".repeat(6_000), "application/json", body1()), UNAUTHORIZED);
    }

    private void tokens() {
        String[] auth = {null, "", "Bearer", "Bearer ", "Basic ZGVtby1hbGljZTo=", "bearer", "Token demo-alice",
            "Bearer demo-alice2", "Bearer DEMO-ALICE", "Bearer demo alice", "Bearer demo-alice demo-admin",
            "Bearer " + ConcordServer.hashToken("demo-alice"), "Bearer " + ConcordServer.hashToken("demo-admin").toUpperCase(),
            "Bearer ' OR '1'='1", "Bearer null", "Bearer undefined", "Bearer *", "Bearer %64emo-alice",
            "Bearer ZGVtby1hbGljZQ==", "Bearerdemo-alice"};
        for (String a : auth) {
            List<String[]> headers = RawHttp.headers("Content-Type", "application/json");
            if (a != null) {
                headers.add(new String[] {"Authorization", a});
            }
            add("forged token: " + a, new RawHttp.Request("PATCH", RECORD, headers, body1(), false), UNAUTHORIZED);
        }
        add("control character in the token", new RawHttp.Request("PATCH", RECORD, RawHttp.headers("Content-Type",
                "application/json", "Authorization", "Bearer\tdemo-alice\u0001"), body1(), false), UNAUTHORIZED, BAD_REQUEST);
        add("no token on a read", new RawHttp.Request("GET", RECORD, List.of(), null, false), UNAUTHORIZED);
        add("no token on history", new RawHttp.Request("GET", RECORD + "/history", List.of(), null, false), UNAUTHORIZED);
        add("viewer writes", rawPatch(RECORD, "demo-viewer", "application/json", body1()), FORBIDDEN);
        add("lower-case bearer viewer writes", new RawHttp.Request("PATCH", RECORD, RawHttp.headers(
                "Authorization", "bearer demo-viewer", "Content-Type", "application/json"), body1(), false), FORBIDDEN);
    }

    private void versions() {
        String[] bodyVersions = {"-1", "0", "-9223372036854775808", "1.5", "\"1\"", "true", "{}", "[1]",
            "9223372036854775808", "99999999999999999999999", "0.0", "\"\""};
        for (String v : bodyVersions) {
            patch("body version " + v, "{\"version\":" + v + ",\"changes\":" + GOOD_CHANGES + "}", INVALID_VERSION);
        }
        // Numbers in bodies are plain decimals: an exponent or a negative zero is not JSON this API reads.
        for (String v : new String[] {"1e0", "-0", "1E+0"}) {
            patch("body version " + v, "{\"version\":" + v + ",\"changes\":" + GOOD_CHANGES + "}", MALFORMED_JSON);
        }
        patch("no version anywhere", "{\"changes\":" + GOOD_CHANGES + "}", PRECONDITION_REQUIRED);
        patch("version null", "{\"version\":null,\"changes\":" + GOOD_CHANGES + "}", PRECONDITION_REQUIRED);
        String[] ifMatch = {"abc", "1", "\"1", "W/1", "\"1\" \"2\"", "\"1\",,"};
        for (String v : ifMatch) {
            add("If-Match " + v, rawPatch(RECORD, ALICE, "application/json", bytes("{\"changes\":" + GOOD_CHANGES + "}"),
                    "If-Match", v), INVALID_VERSION);
        }
        // Well-formed entity tags that name no version the record is at: the precondition fails (RFC 9110).
        String[] neverMatching = {"\"-1\"", "\"0\"", "\"2\", \"3\"", "\"99999999999999999999\"", "\"1.0\"", "W/\"x\"", "W/\"1\""};
        for (String v : neverMatching) {
            add("If-Match " + v, rawPatch(RECORD, ALICE, "application/json", bytes("{\"changes\":" + GOOD_CHANGES + "}"),
                    "If-Match", v), CONFLICT_VERSION_MISMATCH);
        }
        // The record is at 1: If-Match "2" fails, and a failed If-Match is a 412 whatever the body says.
        add("If-Match disagrees with the body", rawPatch(RECORD, ALICE, "application/json", body1(), "If-Match", "\"2\""),
                CONFLICT_VERSION_MISMATCH);
        // Stale but well-formed versions are conflicts: refused, and (as documented) logged as kind=conflict.
        for (String v : new String[] {"9223372036854775807", "2", "1000000"}) {
            patch("stale version " + v, "{\"version\":" + v + ",\"changes\":" + GOOD_CHANGES + "}", CONFLICT_VERSION_MISMATCH);
        }
        add("stale If-Match only", rawPatch(RECORD, ALICE, "application/json", bytes("{\"changes\":" + GOOD_CHANGES + "}"),
                "If-Match", "\"5\""), CONFLICT_VERSION_MISMATCH);
        for (String n : new String[] {"-1", "0", "abc", "1.5", "99999999999999999999", "%20", "1e3"}) {
            get("version path " + n, RECORD + "/versions/" + n, INVALID_VERSION);
        }
        get("version path far ahead", RECORD + "/versions/999999", NOT_FOUND);
    }

    private void pathsAndIds() {
        String[] ids = {"sub_9999", "x".repeat(65), "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "sub_0001%2Fhistory",
            "sub_0001;jsessionid=1", "SUB_0001", "sub_0001%20", "%00", "sub_0001.json", "-", "sub_0001%0d%0aX:1"};
        for (String id : ids) {
            add("PATCH unknown or bad id " + id, rawPatch("/api/v1/subscriptions/" + id, ALICE, "application/json", body1()),
                    NOT_FOUND, BAD_REQUEST);
            get("GET unknown or bad id " + id, "/api/v1/subscriptions/" + id, NOT_FOUND, BAD_REQUEST);
        }
        for (String path : new String[] {"/api/v1/subscription/sub_0001", "/api/v1/Subscriptions/sub_0001", "/api/v2/subscriptions/sub_0001",
            "/api/v1/users/sub_0001", "/api/v1/subscriptions/sub_0001/notes", "/api/v1/change_log", "/api/v1/subscriptions/sub_0001/history/1",
            "/api/v1//subscriptions/sub_0001", "/api/v1/subscriptions/sub_0001/versions/1/restore"}) {
            add("PATCH unknown route " + path, rawPatch(path, ALICE, "application/json", body1()), NOT_FOUND, METHOD_NOT_ALLOWED,
                    BAD_REQUEST);
        }
        for (String method : new String[] {"PUT", "POST", "DELETE"}) {
            add(method + " on history", rawRequest(method, RECORD + "/history", ALICE, body1()), METHOD_NOT_ALLOWED);
        }
        add("PUT on a record", rawRequest("PUT", RECORD, ALICE, body1()), METHOD_NOT_ALLOWED);
        add("PUT on the collection", rawRequest("PUT", "/api/v1/subscriptions", ALICE, body1()), METHOD_NOT_ALLOWED);
        add("POST on a record", rawRequest("POST", RECORD, ALICE, body1()), METHOD_NOT_ALLOWED);
        add("DELETE on the collection", rawRequest("DELETE", "/api/v1/subscriptions", ALICE, body1()), METHOD_NOT_ALLOWED);
        // A PATCH body sent to create: version is the server's, changes is no field.
        add("POST a PATCH body on the collection", rawRequest("POST", "/api/v1/subscriptions", ALICE, body1()),
                VALIDATION_FAILED);
        add("DELETE with a body but no version", rawRequest("DELETE", RECORD, ALICE, body1()), PRECONDITION_REQUIRED);
        add("PATCH on the collection", rawPatch("/api/v1/subscriptions", ALICE, "application/json", body1()), METHOD_NOT_ALLOWED);
        add("PATCH on history", rawPatch(RECORD + "/history", ALICE, "application/json", body1()), METHOD_NOT_ALLOWED);
        add("PATCH on an old version", rawPatch(RECORD + "/versions/1", ALICE, "application/json", body1()), METHOD_NOT_ALLOWED);
        add("force=yes", rawPatch(RECORD + "?force=yes", ALICE, "application/json", body1()), BAD_REQUEST);
    }

    private void contentTypes() {
        for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/xml", "application/jsonx", "text/json", "*/*", "application/json\u0000"}) {
            add("content type " + type, rawPatch(RECORD, ALICE, type, body1()), UNSUPPORTED_MEDIA_TYPE, BAD_REQUEST);
        }
    }

    private void forcedWrites() {
        add("agent forces", rawPatch(RECORD + "?force=true", ALICE, "application/json", body1(), "X-Override-Reason", "because"),
                FORBIDDEN);
        add("viewer forces", rawPatch(RECORD + "?force=true", "demo-viewer", "application/json", body1(),
                "X-Override-Reason", "because"), FORBIDDEN);
        add("admin forces without a reason", rawPatch(RECORD + "?force=true", "demo-admin", "application/json", body1()),
                OVERRIDE_REASON_REQUIRED);
        add("admin forces with a blank reason", rawPatch(RECORD + "?force=true", "demo-admin", "application/json", body1(),
                "X-Override-Reason", "   "), OVERRIDE_REASON_REQUIRED);
        add("admin forces with a reason of 1001 characters", rawPatch(RECORD + "?force=true", "demo-admin", "application/json",
                body1(), "X-Override-Reason", "r".repeat(1001)), BAD_REQUEST);
        add("admin forces a bad value", rawPatch(RECORD + "?force=true", "demo-admin", "application/json",
                bytes("{\"changes\":{\"amount\":\"-5\"}}"), "X-Override-Reason", "refund"), VALIDATION_FAILED);
    }

    // ----- building blocks -----

    private void patch(String name, String body, ErrorCode... expected) {
        patch(name, bytes(body), Set.of(expected));
    }

    private void patch(String name, byte[] body, Set<ErrorCode> expected) {
        cases.add(new Case(name, rawPatch(RECORD, ALICE, "application/json", body), expected, false));
    }

    private void get(String name, String path, ErrorCode... expected) {
        add(name, new RawHttp.Request("GET", path, RawHttp.headers("Authorization", "Bearer " + ALICE), null, false), expected);
    }

    private void add(String name, RawHttp.Request request, ErrorCode... expected) {
        cases.add(new Case(name, request, Set.of(expected), false));
    }

    private void add(String name, RawHttp.Request request, Set<ErrorCode> expected, boolean readAllowed) {
        cases.add(new Case(name, request, expected, readAllowed));
    }

    private static RawHttp.Request rawPatch(String path, String token, String contentType, byte[] body, String... extra) {
        List<String[]> headers = new ArrayList<>();
        if (token != null) {
            headers.add(new String[] {"Authorization", "Bearer " + token});
        }
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        headers.addAll(RawHttp.headers(extra));
        return new RawHttp.Request("PATCH", path, headers, body, false);
    }

    /** A complete new subscription but for what {@code edit} breaks. */
    private static String newSubscription(java.util.function.UnaryOperator<String> edit) {
        return edit.apply("{\"customerName\": \"Slipped Through\", \"customerEmail\": \"s@example.com\","
                + " \"planId\": \"plan_basic\", \"status\": \"active\", \"amount\": \"19.99\", \"currency\": \"EUR\","
                + " \"billingCycle\": \"monthly\", \"nextBillingDate\": \"2027-01-01\", \"tags\": [\"a\"]}");
    }

    private void create(String name, String body, ErrorCode... expected) {
        add(name, rawRequest("POST", "/api/v1/subscriptions", ALICE, bytes(body)), expected);
    }

    private void creates() {
        String[] broken = {"", "{", "{\"customerName\": }", "[]", "\"x\"", "null", "{} trailing",
            "{\"customerName\": \"a\", \"customerName\": \"b\"}"};
        for (int i = 0; i < broken.length; i++) {
            create("create with broken JSON #" + i + ": " + abbreviate(broken[i]), broken[i], MALFORMED_JSON, BAD_REQUEST);
        }
        add("create with bytes that are not UTF-8", rawRequest("POST", "/api/v1/subscriptions", ALICE,
                new byte[] {'{', '"', 'c', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}), MALFORMED_JSON);
        create("create with no fields", "{}", VALIDATION_FAILED);
        create("create without an email", newSubscription(b -> b.replace("\"customerEmail\": \"s@example.com\",", "")),
                VALIDATION_FAILED);
        create("create with money in exponent form", newSubscription(b -> b.replace("\"19.99\"", "\"1e3\"")), VALIDATION_FAILED);
        create("create with negative money", newSubscription(b -> b.replace("\"19.99\"", "\"-5\"")), VALIDATION_FAILED);
        create("create with three decimals", newSubscription(b -> b.replace("\"19.99\"", "\"19.999\"")), VALIDATION_FAILED);
        create("create with a lower-case currency", newSubscription(b -> b.replace("\"EUR\"", "\"eur\"")), VALIDATION_FAILED);
        create("create with an unknown plan", newSubscription(b -> b.replace("plan_basic", "plan_nope")), VALIDATION_FAILED);
        create("create with a bad status", newSubscription(b -> b.replace("\"active\"", "\"gone\"")), VALIDATION_FAILED);
        create("create with a date of year 99999", newSubscription(b -> b.replace("2027-01-01", "+99999-01-01")),
                VALIDATION_FAILED);
        create("create with tags not a list", newSubscription(b -> b.replace("[\"a\"]", "\"a\"")), VALIDATION_FAILED);
        create("create with a NUL in the name", newSubscription(b -> b.replace("Slipped", "Slip\\u0000ped")), VALIDATION_FAILED);
        create("create with an unpaired surrogate", newSubscription(b -> b.replace("Slipped", "\\ud800")), VALIDATION_FAILED);
        create("create with a version", newSubscription(b -> b.replace("{", "{\"version\": 1, ")), VALIDATION_FAILED);
        create("create with updatedBy", newSubscription(b -> b.replace("{", "{\"updatedBy\": \"x\", ")), VALIDATION_FAILED);
        create("create with an unknown field", newSubscription(b -> b.replace("{", "{\"color\": \"red\", ")), VALIDATION_FAILED);
        create("create with an id that is no id", newSubscription(b -> b.replace("{", "{\"id\": \"../etc\", ")), VALIDATION_FAILED);
        create("create with an id that is a number", newSubscription(b -> b.replace("{", "{\"id\": 7, ")), VALIDATION_FAILED);
        create("create with SQL in the id", newSubscription(b -> b.replace("{", "{\"id\": \"sub_1'; DROP TABLE x;--\", ")),
                VALIDATION_FAILED);
        create("create with a taken id", newSubscription(b -> b.replace("{", "{\"id\": \"sub_0001\", ")), ALREADY_EXISTS);
        create("create a 2 MiB name", newSubscription(b -> b.replace("Slipped Through", "n".repeat(2 * 1024 * 1024))),
                PAYLOAD_TOO_LARGE);
        add("viewer creates", rawRequest("POST", "/api/v1/subscriptions", "demo-viewer", bytes(newSubscription(b -> b))),
                FORBIDDEN);
        add("create without a token", new RawHttp.Request("POST", "/api/v1/subscriptions", RawHttp.headers(
                "Content-Type", "application/json"), bytes(newSubscription(b -> b)), false), UNAUTHORIZED);
        add("create as text/plain", new RawHttp.Request("POST", "/api/v1/subscriptions", RawHttp.headers(
                "Authorization", "Bearer " + ALICE, "Content-Type", "text/plain"), bytes(newSubscription(b -> b)), false),
                UNSUPPORTED_MEDIA_TYPE);
        add("create with an Idempotency-Key with a space", new RawHttp.Request("POST", "/api/v1/subscriptions",
                RawHttp.headers("Authorization", "Bearer " + ALICE, "Content-Type", "application/json",
                        "Idempotency-Key", "a b"), bytes(newSubscription(b -> b)), false), BAD_REQUEST);
        add("create a plan with an unknown billing cycle", rawRequest("POST", "/api/v1/plans", ALICE, bytes(
                "{\"name\": \"P\", \"tier\": \"t\", \"price\": \"1.00\", \"currency\": \"EUR\","
                        + " \"billingCycle\": \"daily\", \"active\": true}")), VALIDATION_FAILED);
        add("create an invoice for no subscription", rawRequest("POST", "/api/v1/invoices", ALICE, bytes(
                "{\"number\": \"N\", \"subscriptionId\": \"sub_9999\", \"status\": \"open\", \"total\": \"1.00\","
                        + " \"currency\": \"EUR\"}")), VALIDATION_FAILED);
    }

    private void deletesAndRestores() {
        add("DELETE without a version", rawDelete(RECORD, ALICE), PRECONDITION_REQUIRED);
        for (String v : new String[] {"abc", "0", "-1", "1.0", "1e3", "", "99999999999999999999"}) {
            add("DELETE ?version=" + v, rawDelete(RECORD + "?version=" + v, ALICE), INVALID_VERSION, PRECONDITION_REQUIRED);
        }
        // "x" is a well-formed entity tag that names no version: it fails to match (412), as on PATCH.
        add("DELETE with If-Match \"x\"", rawDelete(RECORD, ALICE, "If-Match", "\"x\""), CONFLICT_VERSION_MISMATCH);
        add("DELETE with an unquoted If-Match", rawDelete(RECORD, ALICE, "If-Match", "1"), INVALID_VERSION);
        add("DELETE with a weak If-Match", rawDelete(RECORD, ALICE, "If-Match", "W/\"1\""), CONFLICT_VERSION_MISMATCH);
        add("DELETE with If-Match and ?version= that disagree", rawDelete(RECORD + "?version=1", ALICE, "If-Match", "\"2\""),
                VERSION_HEADER_MISMATCH);
        add("DELETE of a stale version", rawDelete(RECORD + "?version=7", ALICE), CONFLICT_VERSION_MISMATCH);
        add("DELETE by a viewer", rawDelete(RECORD + "?version=1", "demo-viewer"), FORBIDDEN);
        add("DELETE without a token", new RawHttp.Request("DELETE", RECORD + "?version=1", List.of(), null, false),
                UNAUTHORIZED);
        add("DELETE of an unknown id", rawDelete("/api/v1/subscriptions/sub_9999?version=1", ALICE), NOT_FOUND);
        add("DELETE of SQL in the id", rawDelete("/api/v1/subscriptions/sub_0001'%20OR%20'1'='1?version=1", ALICE), NOT_FOUND);
        add("DELETE of a plan in use", rawDelete("/api/v1/plans/plan_basic?version=1", ALICE), HAS_DEPENDENTS);
        String restore = RECORD + "/restore";
        add("restore by an agent", rawRequest("POST", restore, ALICE, bytes("{\"reason\": \"r\"}")), FORBIDDEN);
        add("restore without a reason", rawRequest("POST", restore, "demo-admin", bytes("{}")), VALIDATION_FAILED);
        add("restore with a reason that is a number", rawRequest("POST", restore, "demo-admin", bytes("{\"reason\": 5}")),
                VALIDATION_FAILED);
        add("restore with broken JSON", rawRequest("POST", restore, "demo-admin", bytes("{\"reason\": ")), MALFORMED_JSON);
        add("restore with a reason of 2000 characters", rawRequest("POST", restore, "demo-admin",
                bytes("{\"reason\": \"" + "r".repeat(2000) + "\"}")), VALIDATION_FAILED);
        add("restore of a live record", rawRequest("POST", restore, "demo-admin", bytes("{\"reason\": \"r\"}")), NOT_DELETED);
        add("restore of an unknown id", rawRequest("POST", "/api/v1/subscriptions/sub_9999/restore", "demo-admin",
                bytes("{\"reason\": \"r\"}")), NOT_FOUND);
    }

    private static RawHttp.Request rawDelete(String path, String token, String... extra) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Authorization", "Bearer " + token});
        headers.addAll(RawHttp.headers(extra));
        return new RawHttp.Request("DELETE", path, headers, null, false);
    }

    private static RawHttp.Request rawRequest(String method, String path, String token, byte[] body) {
        return new RawHttp.Request(method, path, RawHttp.headers("Authorization", "Bearer " + token,
                "Content-Type", "application/json"), body, false);
    }

    private static byte[] body1() {
        return bytes("{\"version\":1,\"changes\":" + GOOD_CHANGES + "}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 40 ? one.substring(0, 40) + "..." : one;
    }
}
