package io.raqib.enrich;

import io.raqib.core.text.DisguiseCharFilter;
import io.raqib.enrich.boilerplate.LineCut;
import io.raqib.enrich.boilerplate.LineForms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes what is not story text: a repeated title, a leading byline ({@code طيف بوست – فريق التحرير},
 * {@code By Jane Doe, Reuters}) and the read-also / related / share / follow / subscribe / contact forms listed in
 * {@code boilerplate/lines.tsv} ({@link LineForms}), as whole lines or cut off a line they are glued to. What
 * remains is pieces of original lines, one per line, joined by {@code \n}, so offsets can be mapped back
 * ({@link io.raqib.core.text.CleanBodyAlignment}).
 */
public final class BoilerplateRemover {

    private static final BoilerplateRemover BUNDLED = new BoilerplateRemover(LineForms.load(null));
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?؟…:\"”»)]\\s*$");
    private static final int BYLINE_MAX_CHARS = 60;
    private static final int BYLINE_MAX_WORDS = 8;

    private final LineForms forms;

    /** A remover cutting the given forms. */
    public BoilerplateRemover(LineForms forms) {
        this.forms = forms;
    }

    /** A remover with the bundled forms plus the operator's {@code *.tsv} files in {@code dir} (null: none). */
    public static BoilerplateRemover load(Path dir) {
        return dir == null ? BUNDLED : new BoilerplateRemover(LineForms.load(dir));
    }

    /** The body without boilerplate and blank lines, with the bundled forms. */
    public static String clean(String title, String body) {
        return BUNDLED.remove(title, body);
    }

    /** The body without boilerplate and blank lines. */
    public String remove(String title, String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String[] pieces = body.split("\n", -1);
        for (int i = 0; i < pieces.length; i++) {
            LineCut cut = pieces[i].isBlank() ? null : forms.cut(pieces[i]);
            pieces[i] = cut == null || cut.dropped() ? null : cut.kept(pieces[i]);
        }
        String normalizedTitle = comparable(title);
        List<String> kept = new ArrayList<>();
        boolean leading = true;
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (piece == null) {
                continue;
            }
            if (leading && (comparable(piece).equals(normalizedTitle) || isByline(piece) && hasTextAfter(pieces, i))) {
                continue;
            }
            leading = false;
            kept.add(piece);
        }
        return String.join("\n", kept);
    }

    /** Whether the bundled forms take a whole line away. */
    static boolean isBoilerplateLine(String line) {
        return BUNDLED.forms.cut(line).dropped();
    }

    /** Whether a line looks like a byline: short, few words, no sentence punctuation at its end. */
    static boolean isByline(String line) {
        String s = line.strip();
        return s.length() <= BYLINE_MAX_CHARS && s.split("\\s+").length <= BYLINE_MAX_WORDS
                && !SENTENCE_END.matcher(s).find();
    }

    private static boolean hasTextAfter(String[] pieces, int index) {
        for (int i = index + 1; i < pieces.length; i++) {
            if (pieces[i] != null) {
                return true;
            }
        }
        return false;
    }

    private static String comparable(String s) {
        return s == null ? "" : DisguiseCharFilter.strip(s).strip().replaceAll("\\s+", " ");
    }
}
