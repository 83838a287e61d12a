package dev.concord.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concord.api.FieldError;
import dev.concord.domain.EntityKind;
import dev.concord.domain.FieldSpec;
import dev.concord.domain.FieldType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a field value must look like on the wire, before the domain parses it: amounts as plain ASCII
 * decimals (a JSON number or string, no sign, exponent, spaces or other digits), and no text with a NUL,
 * a control character (line breaks and tabs only in long text) or broken Unicode. Shared by every body
 * that carries record fields.
 */
final class WireFieldRules {
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private WireFieldRules() {
    }

    /** Every field of {@code fields} that breaks a wire rule; fields unknown to {@code kind} are left alone. */
    static List<FieldError> check(EntityKind kind, ObjectNode fields) {
        List<FieldError> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FieldSpec spec = kind.field(e.getKey()).orElse(null);
            if (spec == null) {
                continue;
            }
            String problem = spec.type() == FieldType.MONEY ? amountProblem(e.getValue())
                    : textProblem(e.getValue(), spec.type() == FieldType.LONG_TEXT);
            if (problem != null) {
                out.add(new FieldError(spec.name(), "INVALID_VALUE", spec.label() + " " + problem));
            }
        }
        return out;
    }

    private static String amountProblem(JsonNode v) {
        if (v.isTextual() && !PLAIN_AMOUNT.matcher(v.textValue()).matches()) {
            return "must be a plain amount such as \"19.99\": ASCII digits and one optional decimal point,"
                    + " no sign, exponent or spaces";
        }
        if (v.isNumber() && v.decimalValue().signum() < 0) {
            return "must not be negative";
        }
        return null;
    }

    /** Null when every string in {@code v} (itself, or the items of a list) is clean text. */
    static String textProblem(JsonNode v, boolean multiLine) {
        if (v.isTextual()) {
            return textProblem(v.textValue(), multiLine);
        }
        for (JsonNode child : v) {
            String p = textProblem(child, false);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Null when {@code s} holds no NUL, no control character (but line breaks and tabs if multi-line) and no unpaired surrogate. */
    static String textProblem(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == 0) {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return "contains broken Unicode (an unpaired surrogate)";
            } else if (Character.getType(ch) == Character.CONTROL
                    && !(multiLine && (ch == '\n' || ch == '\r' || ch == '\t'))) {
                return "contains a control character (U+" + String.format("%04X", (int) ch) + ")"
                        + (multiLine ? "" : "; it must be a single line of text");
            }
        }
        return null;
    }
}
