package dev.concord.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.concord.api.ErrorCode;
import dev.concord.api.FieldError;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one strict reader of request bodies, shared by every route that takes JSON (PATCH, presence, and
 * whatever comes next): UTF-8 only, exactly one JSON object, no duplicate keys, nothing after it, at most
 * {@value #MAX_DEPTH} levels, numbers only as plain decimals (no exponent, no negative zero). Messages
 * name the problem and its line and column, never a library class.
 */
final class StrictJson {
    static final int MAX_DEPTH = 32;
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** JSON itself forbids '+', leading zeros and spaces; this also forbids exponents. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private StrictJson() {
    }

    /**
     * The body as one JSON object.
     *
     * @param example a short valid body for the messages, such as {@code {"state": "viewing"}}
     * @throws ApiError 400 MALFORMED_JSON or BAD_REQUEST naming the problem
     */
    static ObjectNode object(byte[] body, String example) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "The body is not UTF-8 text");
        }
        JsonNode root;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ApiError(ErrorCode.MALFORMED_JSON, "The body is empty; send " + example);
            }
            root = value(p, first, 1);
            if (p.nextToken() != null) {
                throw malformed("there is more after the JSON object", p.currentLocation());
            }
        } catch (JsonProcessingException e) {
            throw malformed(reason(e), e.getLocation());
        } catch (IOException e) {
            throw new ApiError(ErrorCode.MALFORMED_JSON, "The body is not valid JSON");
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new ApiError(ErrorCode.BAD_REQUEST, "The body must be a JSON object such as " + example);
        }
        return obj;
    }

    /** Refuses (422) any member of {@code obj} not in {@code allowed}, naming each. */
    static void onlyMembers(ObjectNode obj, Set<String> allowed, String hint) {
        List<FieldError> unknown = new ArrayList<>();
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                unknown.add(new FieldError(name, "UNKNOWN_FIELD", "The body has no member " + shorten(name) + "; " + hint));
            }
        }
        if (!unknown.isEmpty()) {
            throw PatchInput.validation(unknown);
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t, int depth) throws IOException {
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth > MAX_DEPTH) {
            throw malformed("it is nested more than " + MAX_DEPTH + " levels deep", p.currentLocation());
        }
        switch (t) {
            case START_OBJECT -> {
                ObjectNode obj = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    if (obj.has(name)) {
                        throw malformed("the member \"" + shorten(name) + "\" appears twice", p.currentLocation());
                    }
                    obj.set(name, value(p, p.nextToken(), depth + 1));
                }
                return obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    arr.add(value(p, v, depth + 1));
                }
                return arr;
            }
            case VALUE_STRING -> {
                return TextNode.valueOf(p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return number(p);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return BooleanNode.valueOf(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NullNode.getInstance();
            }
            default -> throw malformed("unexpected " + t.asString(), p.currentLocation());
        }
    }

    private static JsonNode number(JsonParser p) throws IOException {
        String literal = p.getText();
        if (!PLAIN_NUMBER.matcher(literal).matches()) {
            throw malformed("the number " + shorten(literal) + " must be written as a plain decimal such as 19.99"
                    + " (no exponent)", p.currentLocation());
        }
        BigDecimal value = new BigDecimal(literal);
        if (literal.startsWith("-") && value.signum() == 0) {
            throw malformed("the number " + literal + " is a negative zero; write 0", p.currentLocation());
        }
        if (value.scale() > 0) {
            return DecimalNode.valueOf(value);
        }
        BigInteger whole = value.toBigIntegerExact();
        return whole.bitLength() < 64 ? LongNode.valueOf(whole.longValue()) : BigIntegerNode.valueOf(whole);
    }

    private static ApiError malformed(String reason, JsonLocation at) {
        String where = at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return new ApiError(ErrorCode.MALFORMED_JSON, "The body is not valid JSON: " + reason + where);
    }

    /**
     * The parser's own words, when they speak of the input; the parts that name its classes or its
     * settings ("enable JsonReadFeature...") are for programmers of the server, not for clients.
     */
    private static String reason(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int cut = indexOfAny(msg, " (or ", ": enable ", "; enable ", " enable `", "\n");
        if (cut >= 0) {
            msg = msg.substring(0, cut);
        }
        String lower = msg.toLowerCase(Locale.ROOT);
        if (msg.isBlank() || lower.contains("jackson") || lower.contains("feature") || lower.contains("constraint")
                || msg.contains("`") || msg.contains("com.") || msg.contains("java.")) {
            return "unexpected input";
        }
        return shorten(msg);
    }

    private static int indexOfAny(String s, String... needles) {
        int best = -1;
        for (String n : needles) {
            int i = s.indexOf(n);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
    }
}
