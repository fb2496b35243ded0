package io.raqib.ingest.feed;

import com.rometools.rome.feed.atom.Content;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Decides what a feed text construct is: Atom says it with {@code type} (and, in 0.3, {@code mode}); RSS says
 * nothing, so text that looks like HTML is treated as HTML, as feed readers do.
 */
final class FeedTexts {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<[a-zA-Z/!][^>]*>|&#?\\w+;");
    private static final Pattern XHTML_WRAPPER = Pattern.compile(
            "^\\s*<div[^>]*xmlns=\"http://www\\.w3\\.org/1999/xhtml\"[^>]*>(.*)</div>\\s*$", Pattern.DOTALL);

    private FeedTexts() {
    }

    /** A text without a declared type (RSS, JSON, ROME's generic view). */
    static FeedText untyped(String value, String base) {
        return value == null ? FeedText.EMPTY : new FeedText(value, LOOKS_LIKE_HTML.matcher(value).find(), base);
    }

    /** A text whose type is declared as a MIME type or Atom's text/html/xhtml; null type means undeclared. */
    static FeedText typed(String type, String value, String base) {
        if (value == null) {
            return FeedText.EMPTY;
        }
        if (type == null || type.isBlank()) {
            return untyped(value, base);
        }
        String t = type.toLowerCase(Locale.ROOT).strip();
        if (t.equals("xhtml")) {
            var m = XHTML_WRAPPER.matcher(value);
            return new FeedText(m.matches() ? m.group(1) : value, true, base);
        }
        if (t.contains("html") || t.endsWith("+xml") || t.endsWith("/xml")) {
            return new FeedText(value, true, base);
        }
        if (t.equals("text") || t.startsWith("text/")) {
            return new FeedText(value, false, base);
        }
        return decodedBase64(value, base);
    }

    /** An Atom text construct as the wire feed has it (0.3 texts in XML mode arrive still escaped). */
    static FeedText atom(Content content, String base) {
        if (content == null) {
            return FeedText.EMPTY;
        }
        String type = content.getType();
        if ("xml".equals(content.getMode()) && type != null && type.startsWith("text/plain")) {
            return new FeedText(Parser.unescapeEntities(content.getValue(), false), false, base);
        }
        return typed(content.getType(), content.getValue(), base);
    }

    private static FeedText decodedBase64(String value, String base) {
        try {
            String decoded = new String(Base64.getMimeDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            return untyped(decoded, base);
        } catch (IllegalArgumentException e) {
            return new FeedText(value, false, base);
        }
    }
}
