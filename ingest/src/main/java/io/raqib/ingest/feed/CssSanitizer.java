package io.raqib.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the harmless part of an inline {@code style} attribute, as feed readers do: presentational properties
 * only, {@code url(…)} (tracking, data and script URLs) and {@code expression(…)} never; box and background
 * shorthands only with keyword, colour or length values.
 */
final class CssSanitizer {

    private static final Set<String> PROPERTIES = Set.of("azimuth", "background-color", "border-bottom-color",
            "border-collapse", "border-color", "border-left-color", "border-right-color", "border-top-color", "clear",
            "color", "cursor", "direction", "display", "elevation", "float", "font", "font-family", "font-size",
            "font-style", "font-variant", "font-weight", "height", "letter-spacing", "line-height", "overflow",
            "pause", "pause-after", "pause-before", "pitch", "pitch-range", "richness", "speak", "speak-header",
            "speak-numeral", "speak-punctuation", "speech-rate", "stress", "text-align", "text-decoration",
            "text-indent", "unicode-bidi", "vertical-align", "voice-family", "volume", "white-space", "width");
    private static final Set<String> SHORTHAND_PREFIXES = Set.of("background", "border", "margin", "padding");
    private static final Set<String> KEYWORDS = Set.of("auto", "aqua", "black", "block", "blue", "bold", "both",
            "bottom", "brown", "center", "collapse", "dashed", "dotted", "fuchsia", "gray", "green", "!important",
            "italic", "left", "lime", "maroon", "medium", "none", "navy", "normal", "nowrap", "olive", "pointer",
            "purple", "red", "right", "solid", "silver", "teal", "top", "transparent", "underline", "white", "yellow");
    private static final Pattern URL = Pattern.compile("url\\s*\\(\\s*[^\\s)]+?\\s*\\)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAFE_CHARS = Pattern.compile(
            "^([:,;#%.\\sa-zA-Z0-9!]|\\w-\\w|'[\\s\\w]+'|\"[\\s\\w]+\"|\\([\\d,\\s]+\\))*$");
    private static final Pattern VALUE = Pattern.compile(
            "^(#[0-9a-fA-F]+|rgb\\(\\d+%?,\\d*%?,?\\d*%?\\)?|\\d{0,2}\\.?\\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\\))?)$");

    private CssSanitizer() {
    }

    /** The safe declarations of {@code style}, {@code "name: value;"} joined by spaces; empty when none are safe. */
    static String clean(String style) {
        String css = URL.matcher(style).replaceAll(" ");
        if (!SAFE_CHARS.matcher(css).matches()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String declaration : css.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (PROPERTIES.contains(name) || SHORTHAND_PREFIXES.contains(name.split("-")[0]) && safeValues(value)) {
                kept.add(name + ": " + value + ";");
            }
        }
        return String.join(" ", kept);
    }

    private static boolean safeValues(String value) {
        for (String keyword : value.split("\\s+")) {
            if (!KEYWORDS.contains(keyword.toLowerCase(Locale.ROOT)) && !VALUE.matcher(keyword).matches()) {
                return false;
            }
        }
        return true;
    }
}
