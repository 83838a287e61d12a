package dev.concord.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concord.api.ApiPaths;
import dev.concord.api.ChangedField;
import dev.concord.api.Dependents;
import dev.concord.api.FieldError;
import dev.concord.api.Json;
import dev.concord.domain.Entity;
import dev.concord.domain.EntityKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a non-2xx answer (status, headers, body) into the typed exception of the contract. */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    private static final ObjectMapper JSON = Json.mapper();
    /** Conflicts of state rather than of versions: a taken id, dependents of a retired record, restoring a live one. */
    private static final java.util.Set<String> REFUSALS = java.util.Set.of("ALREADY_EXISTS", "HAS_DEPENDENTS", "NOT_DELETED");

    private ErrorMapper() {
    }

    /**
     * @param kind the kind of record the call was about, used to read {@code error.current}; may be null
     * @param retryAfterHeader the raw {@code Retry-After} header or null
     * @param now the time to measure an HTTP-date {@code Retry-After} from
     */
    static ApiException map(int status, String body, EntityKind kind, String retryAfterHeader, Instant now) {
        JsonNode error = errorNode(body);
        String code = error == null ? "HTTP_" + status : error.path("code").asText("HTTP_" + status);
        String message = error == null ? "" : error.path("message").asText("");
        if (message.isBlank()) {
            // No envelope: a server stopping gracefully, or a proxy in front of it, answered. Say what it means.
            message = switch (status) {
                case 503 -> "The server is not available right now (restarting or overloaded)";
                case 502, 504 -> "The server did not answer its gateway (" + status + ")";
                default -> "The server answered " + status + (error == null ? "" : " " + code);
            };
        }
        if (REFUSALS.contains(code)) {
            // 409s that are no version conflict: a retry or a merge cannot help, the person must act.
            return new ValidationFailedException(status, code, message, fieldErrors(error), dependents(error));
        }
        if ("CONFLICT_VERSION_MISMATCH".equals(code) || status == 409 || (status == 412 && error != null)) {
            return conflict(status, message, error, kind);
        }
        return switch (status) {
            case 401, 403 -> new AuthException(status, code, message);
            case 404 -> new NotFoundException(message);
            case 429, 503 -> new RateLimitedException(status, code, message, retryAfter(retryAfterHeader, now));
            // A gateway that cannot reach the service: the write may or may not have happened (504).
            case 502, 504 -> new ServerUnreachableException(message, status == 504, null);
            default -> status >= 400 && status < 500
                    ? new ValidationFailedException(status, code, message, fieldErrors(error))
                    : new ApiException(status, code, message);
        };
    }

    private static VersionConflictException conflict(int status, String message, JsonNode error, EntityKind kind) {
        Entity current = null;
        long version = 0;
        List<ChangedField> changed = new ArrayList<>();
        if (error != null) {
            version = error.path("version").asLong(0);
            JsonNode currentNode = error.get("current");
            if (kind != null && currentNode != null && currentNode.isObject()) {
                try {
                    current = JSON.treeToValue(currentNode, kind.type());
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    // Without current the coordinator fetches the record; keep the conflict, log the shape.
                    LOG.warn("409 carried an unreadable current record: {}", e.getMessage());
                }
            }
            JsonNode changedNode = error.get("changedSince");
            if (changedNode != null && changedNode.isArray()) {
                for (JsonNode c : changedNode) {
                    try {
                        changed.add(JSON.treeToValue(c, ChangedField.class));
                    } catch (JsonProcessingException | IllegalArgumentException e) {
                        LOG.warn("409 carried an unreadable changedSince entry: {}", e.getMessage());
                    }
                }
            }
            if (version == 0 && current != null) {
                version = current.version();
            }
        }
        return new VersionConflictException(status, message, current, version, changed);
    }

    private static List<FieldError> fieldErrors(JsonNode error) {
        List<FieldError> out = new ArrayList<>();
        JsonNode fields = error == null ? null : error.get("fields");
        if (fields != null && fields.isArray()) {
            for (JsonNode f : fields) {
                out.add(new FieldError(f.path("field").asText(""), f.path("code").asText(""),
                        f.path("message").asText("")));
            }
        }
        return out;
    }

    /** {@code error.dependents} of a HAS_DEPENDENTS refusal; an entry that cannot be read is logged and left out. */
    private static List<Dependents> dependents(JsonNode error) {
        List<Dependents> out = new ArrayList<>();
        JsonNode list = error == null ? null : error.get("dependents");
        if (list != null && list.isArray()) {
            for (JsonNode d : list) {
                try {
                    out.add(JSON.treeToValue(d, Dependents.class));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    // The refusal stands without the names; the person still reads that records refer to it.
                    LOG.warn("HAS_DEPENDENTS carried an unreadable entry: {}", e.getMessage());
                }
            }
        }
        return out;
    }

    private static JsonNode errorNode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode error = root == null ? null : root.get("error");
            return error != null && error.isObject() ? error : null;
        } catch (JsonProcessingException e) {
            // A proxy's HTML error page, for instance: the status alone has to do.
            return null;
        }
    }

    /** {@code Retry-After} is either delay-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                LOG.warn("Ignoring unreadable {} header: {}", ApiPaths.RETRY_AFTER, h);
                return null;
            }
        }
    }
}
