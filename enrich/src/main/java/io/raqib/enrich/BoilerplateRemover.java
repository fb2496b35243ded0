package io.raqib.enrich;

import io.raqib.core.text.DisguiseCharFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes lines that are not story text: a repeated title, a leading byline ({@code طيف بوست – فريق التحرير},
 * {@code By Jane Doe, Reuters}) and read-also link lines ({@code اقرأ أيضاً:}, {@code Read also:},
 * {@code Related:}). What remains is whole original lines joined by {@code \n}, so offsets can be mapped back.
 */
public final class BoilerplateRemover {

    private static final Pattern READ_ALSO = Pattern.compile(
            "^\\s*(?:[اإ]قرأ\\s+(?:أ?يضا\u064B?|ايضا\u064B?|المزيد)|شاهد\\s+أيضا\u064B?"
                    + "|read\\s+(?:also|more)|also\\s+read|related(?:\\s+articles?|\\s+stories)?|see\\s+also)"
                    + "\\s*[:：\\-–]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟…:\"”»)]\\s*$");
    private static final int BYLINE_MAX_CHARS = 60;
    private static final int BYLINE_MAX_WORDS = 8;

    private BoilerplateRemover() {
    }

    /** The body without boilerplate lines and blank lines. */
    public static String clean(String title, String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String[] lines = body.split("\n", -1);
        String normalizedTitle = comparable(title);
        List<String> kept = new ArrayList<>();
        boolean leading = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || isReadAlso(line)) {
                continue;
            }
            if (leading && (comparable(line).equals(normalizedTitle) || isByline(line) && hasTextAfter(lines, i))) {
                continue;
            }
            leading = false;
            kept.add(line);
        }
        return String.join("\n", kept);
    }

    /** Whether a line is a read-also / related-link line. */
    static boolean isReadAlso(String line) {
        return READ_ALSO.matcher(line).find();
    }

    /** Whether a line looks like a byline: short, few words, no sentence punctuation at its end. */
    static boolean isByline(String line) {
        String s = line.strip();
        return s.length() <= BYLINE_MAX_CHARS && s.split("\\s+").length <= BYLINE_MAX_WORDS
                && !SENTENCE_END.matcher(s).find();
    }

    private static boolean hasTextAfter(String[] lines, int index) {
        for (int i = index + 1; i < lines.length; i++) {
            if (!lines[i].isBlank() && !isReadAlso(lines[i])) {
                return true;
            }
        }
        return false;
    }

    private static String comparable(String s) {
        return s == null ? "" : DisguiseCharFilter.strip(s).strip().replaceAll("\\s+", " ");
    }
}
