package dev.concord.server;

import dev.concord.api.ApiPaths;
import dev.concord.api.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The {@code X-Override-Reason} header as the admin typed it. HTTP header values are bytes; the server
 * reads them as ISO-8859-1 (each byte one char), so the bytes are taken back and decoded as UTF-8, which
 * is what the API documents clients send: "accordé" stays "accordé", not "accordÃ©".
 */
final class OverrideReason {
    static final int MAX_CHARACTERS = 1000;

    private OverrideReason() {
    }

    /** The reason, stripped, decoded from UTF-8, at most {@value #MAX_CHARACTERS} characters (code points). */
    static String decode(String headerValue) {
        String text = headerValue;
        if (text.chars().allMatch(ch -> ch <= 0xFF)) {
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1))).toString();
            } catch (CharacterCodingException e) {
                throw new ApiError(ErrorCode.BAD_REQUEST, "The " + ApiPaths.OVERRIDE_REASON
                        + " header must be UTF-8 text");
            }
        }
        text = text.strip();
        String problem = WireFieldRules.textProblem(text, false);
        if (problem != null) {
            throw new ApiError(ErrorCode.BAD_REQUEST, "The override reason " + problem);
        }
        int chars = text.codePointCount(0, text.length());
        if (chars > MAX_CHARACTERS) {
            throw new ApiError(ErrorCode.BAD_REQUEST, "The override reason is too long (" + chars
                    + " characters, at most " + MAX_CHARACTERS + ")");
        }
        return text;
    }
}
