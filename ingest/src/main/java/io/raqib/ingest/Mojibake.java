package io.raqib.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Repairs text that was UTF-8, decoded once as Windows-1252 and saved again ({@code Â£} for {@code £},
 * {@code â€™} for {@code ’}), as in exported CSV corpora. Only a text that round-trips exactly — every character
 * encodable in Windows-1252 and the bytes valid UTF-8 — is changed; anything else is left as it was.
 */
final class Mojibake {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    /** A lead byte of a two- or three-byte UTF-8 sequence read as Windows-1252, followed by a continuation byte. */
    private static final Pattern SUSPECT = Pattern.compile("[\\u00C2-\\u00EF][\\u0080-\\u00BF\\u20AC\\u201A-\\u2122\\u0152-\\u017E]");

    private Mojibake() {
    }

    /** The repaired text, or {@code text} itself when it shows no mojibake or does not round-trip. */
    static String repair(String text) {
        if (text == null || !SUSPECT.matcher(text).find()) {
            return text;
        }
        try {
            ByteBuffer bytes = CP1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }
}
