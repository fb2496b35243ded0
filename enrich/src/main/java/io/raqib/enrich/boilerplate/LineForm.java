package io.raqib.enrich.boilerplate;

import io.raqib.enrich.text.DataFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One boilerplate form from {@code boilerplate/*.tsv}: a phrase of folded words ({@code #} stands for any
 * number) and how much of a line it takes away.
 *
 * @param kind what the form is ({@code read-also}, {@code share}, {@code contact} …), for reports
 * @param cut  how much of the line goes
 * @param keys the phrase's comparison keys ({@link FoldedWords#key}), {@link #NUMBER} for a number
 */
record LineForm(String kind, Cut cut, List<String> keys) {

    /** The key that matches any number. */
    static final String NUMBER = "#";
    /** Characters that end a link label ({@code Read also: …}) or glue a widget to the text around it. */
    static final String SEPARATORS = ":：-–—|»›>/،,•·@";

    /** How much of a line a form takes away. */
    public enum Cut {
        /** The whole line, when it is the form alone or the form, a separator and a link ({@code Related: …}). */
        LINE,
        /** The form at the line's start (a share bar glued to the first sentence); the rest stays. */
        PREFIX,
        /** The form and everything after it, wherever it starts in the line (a contact footer glued on). */
        SUFFIX
    }

    /** Parses a row {@code kind, cut, form}. */
    static LineForm parse(DataFiles.Row row) {
        String kind = row.cell(0);
        if (kind.isEmpty()) {
            throw row.error("missing kind");
        }
        Cut cut;
        try {
            cut = Cut.valueOf(row.cell(1).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw row.error("cut must be line, prefix or suffix, not '" + row.cell(1) + "'");
        }
        List<String> keys = new ArrayList<>();
        for (String piece : row.cell(2).split("\\s+")) {
            if (piece.equals(NUMBER)) {
                keys.add(NUMBER);
            } else if (!piece.isEmpty()) {
                keys.addAll(FoldedWords.keys(piece));
            }
        }
        if (keys.isEmpty()) {
            throw row.error("form has no words");
        }
        return new LineForm(kind, cut, List.copyOf(keys));
    }

    /** How many words the form has. */
    public int length() {
        return keys.size();
    }

    /** Whether the form's words are the line's words from word {@code at} on. */
    boolean matchesAt(FoldedWords words, int at) {
        if (at + keys.size() > words.size()) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            boolean same = key.equals(NUMBER) ? words.isNumber(at + i) : key.equals(words.key(at + i));
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
