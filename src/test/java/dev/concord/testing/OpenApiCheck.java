package dev.concord.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks an answer of the server against the OpenAPI document it serves
 * ({@code src/main/resources/openapi/concord-api.json}, at {@code /api/v1/openapi.json}). {@link ApiTestClient}
 * runs it on every response, so an API test fails as soon as the code and the document disagree.
 *
 * <p>When it fails, the message names the route, the status and each mismatch; fix the document (or the
 * code) in the same change. Set {@code -Dconcord.openapi.check=false} to look at a failure without it.
 */
public final class OpenApiCheck {
    private static final String DOCUMENT = "/openapi/concord-api.json";
    private static final boolean ENABLED = !"false".equals(System.getProperty("concord.openapi.check"));
    private static volatile OpenApiInteractionValidator validator;

    private OpenApiCheck() {
    }

    /**
     * Throws an AssertionError naming every way this answer differs from the document.
     *
     * @param path the request path, query included or not
     */
    public static void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        List<String> problems = problems(method, path, status, headers, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + path + " (status " + status + ") does not match the "
                    + "OpenAPI document src/main/resources/openapi/concord-api.json:\n  - "
                    + String.join("\n  - ", problems)
                    + "\nUpdate the document with the contract change (or fix the answer). Body: "
                    + (body == null ? "(none)" : body.length() > 400 ? body.substring(0, 400) + "..." : body));
        }
    }

    /** The mismatches, empty when the answer fits (or the check is switched off). */
    public static List<String> problems(String method, String path, int status, Map<String, List<String>> headers,
                                        String body) {
        if (!ENABLED) {
            return List.of();
        }
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        Request.Method m = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        ValidationReport report = validator().validateResponse(pathOnly, m, response.build());
        return report.getMessages().stream()
                .filter(msg -> msg.getLevel() == ValidationReport.Level.ERROR)
                // An unknown route or method is documented by the 404/405 the server gives for it.
                .filter(msg -> !(isUnknownRoute(msg.getKey()) && (status == 404 || status == 405)))
                .map(msg -> describe(msg.getKey(), msg.getMessage())
                        + (msg.getAdditionalInfo().isEmpty() ? "" : " " + msg.getAdditionalInfo()))
                .collect(Collectors.toList());
    }

    /** The validator's words, except where they hide the point: closed objects say "additionalProperties: {not: {}}". */
    private static String describe(String key, String message) {
        if (key.endsWith("schema.not") && message.contains("[Path '")) {
            String at = message.substring(message.indexOf("[Path '") + 7, message.indexOf("']"));
            return "member " + at + " is not in the document (objects there are closed: add the property or drop it)";
        }
        return key + ": " + message;
    }

    private static boolean isUnknownRoute(String key) {
        return key.endsWith("path.missing") || key.endsWith("operation.notAllowed");
    }

    private static OpenApiInteractionValidator validator() {
        if (validator == null) {
            synchronized (OpenApiCheck.class) {
                if (validator == null) {
                    validator = OpenApiInteractionValidator.createForInlineApiSpecification(document()).build();
                }
            }
        }
        return validator;
    }

    static String document() {
        try (InputStream in = OpenApiCheck.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("no " + DOCUMENT + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DOCUMENT, e);
        }
    }
}
