package io.raqib.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.NewText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the story verdict into an analyzed article's held JSON without parsing it again: the release step used to
 * read each ~20 KB enriched article back and write it again only to fill in two fields. The held JSON carries the
 * undecided verdict {@code "duplicateOf":null,"storyId":null} once at the top level (inside a JSON string every
 * quote is escaped, so the sequence cannot occur there); it is replaced by the verdict, which gives the same bytes
 * the mapper writes for the article with its verdict. The optional {@code newText} is the article's last field, so it
 * goes before the closing brace.
 */
final class VerdictSplice {

    private static final byte[] UNDECIDED = "\"duplicateOf\":null,\"storyId\":null".getBytes(StandardCharsets.UTF_8);

    private VerdictSplice() {
    }

    /** {@code held} with the verdict, or null when it does not carry the undecided verdict (parse and write it). */
    static byte[] withVerdict(byte[] held, String duplicateOf, String storyId, NewText newText) {
        int at = lastIndexOf(held, UNDECIDED);
        if (at < 0 || newText != null && (held.length == 0 || held[held.length - 1] != '}')) {
            return null;
        }
        int tail = newText == null ? held.length : held.length - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(held.length + 64);
        out.write(held, 0, at);
        out.writeBytes("\"duplicateOf\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(json(duplicateOf));
        out.writeBytes(",\"storyId\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(json(storyId));
        out.write(held, at + UNDECIDED.length, tail - at - UNDECIDED.length);
        if (newText != null) {
            out.writeBytes(",\"newText\":".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(json(newText));
            out.write('}');
        }
        return out.toByteArray();
    }

    private static byte[] json(Object value) {
        try {
            return RaqibJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string or a NewText always serializes", e);
        }
    }

    /** The top-level fields after the verdict are few and short: search from the end. */
    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            int j = 0;
            while (j < pattern.length && bytes[i + j] == pattern[j]) {
                j++;
            }
            if (j == pattern.length) {
                return i;
            }
        }
        return -1;
    }
}
