package io.raqib.enrich.boilerplate;

import io.raqib.enrich.text.DataFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The boilerplate forms enrich knows (bundled {@code boilerplate/*.tsv}, plus an operator's folder) and how they
 * cut a line. Forms are looked up by their first word, so a line costs one folding pass and one map lookup per
 * word whatever the number of forms.
 */
public final class LineForms {

    /** How far into a line line and prefix forms are looked for. */
    static final int HEAD = 200;
    /** How far from a line's end a suffix form may start. */
    static final int TAIL = 400;

    private final Map<String, List<LineForm>> byFirstKey = new HashMap<>();
    /** The hash codes of the first keys, sorted: most words are turned away without making their key. */
    private final int[] firstKeyHashes;
    private final int size;

    /** The given forms. */
    private LineForms(List<LineForm> forms) {
        for (LineForm form : forms) {
            byFirstKey.computeIfAbsent(form.keys().get(0), k -> new ArrayList<>()).add(form);
        }
        firstKeyHashes = byFirstKey.keySet().stream().mapToInt(String::hashCode).sorted().toArray();
        size = forms.size();
    }

    /** The bundled forms plus the {@code *.tsv} files in {@code operatorDir} (null: bundled only). */
    public static LineForms load(Path operatorDir) {
        List<LineForm> forms = new ArrayList<>();
        for (DataFiles.Row row : DataFiles.bundled("boilerplate")) {
            forms.add(LineForm.parse(row));
        }
        for (DataFiles.Row row : DataFiles.fromDirectory(operatorDir)) {
            forms.add(LineForm.parse(row));
        }
        return new LineForms(forms);
    }

    /** How many forms there are. */
    public int size() {
        return size;
    }

    /**
     * What stays of {@code line}: prefix forms are cut off its start (repeatedly), then the earliest suffix form
     * and all after it; the line goes whole when a line form starts what is left and is alone or followed by a
     * separator, or when no word is left. Line and prefix forms are looked for in the line's first {@value #HEAD}
     * characters, suffix forms must start in its last {@value #TAIL}: a long paragraph is not folded whole, and a
     * footer form met early in one cannot take the story after it.
     */
    public LineCut cut(String line) {
        if (line.length() <= HEAD + TAIL) {
            FoldedWords words = new FoldedWords(line);
            return cut(line, words, words);
        }
        FoldedWords head = new FoldedWords(line, 0, wordBoundary(line, HEAD, -1));
        FoldedWords tail = new FoldedWords(line, wordBoundary(line, line.length() - TAIL, 1), line.length());
        return cut(line, head, tail);
    }

    /** Cuts {@code line} given the words of its head and of its tail (the same object for a short line). */
    private LineCut cut(String line, FoldedWords head, FoldedWords tail) {
        boolean whole = head == tail;
        String kind = null;
        int from = 0;
        for (LineForm prefix = formAt(head, from, LineForm.Cut.PREFIX); prefix != null;
                prefix = formAt(head, from, LineForm.Cut.PREFIX)) {
            from += prefix.length();
            kind = prefix.kind();
        }
        int to = tail.size();
        for (int at = whole ? from : 0; at < tail.size(); at++) {
            LineForm suffix = formAt(tail, at, LineForm.Cut.SUFFIX);
            if (suffix != null) {
                to = at;
                kind = suffix.kind();
                break;
            }
        }
        LineForm label = formAt(head, from, LineForm.Cut.LINE);
        if (label != null) {
            int next = from + label.length();
            if (whole && next == to || next < head.size() && head.separatorAfter(next - 1)) {
                return LineCut.dropped(label.kind());
            }
        }
        if (kind == null) {
            return LineCut.whole(line);
        }
        if (whole && from >= to) {
            return LineCut.dropped(kind);
        }
        int start = from == 0 ? 0 : skipSeparators(line, head.end(from - 1));
        int end = to == tail.size() ? line.length() : trimSeparators(line, tail.start(to));
        return new LineCut(start, end, kind);
    }

    /** A whitespace position near {@code at}, looked for in {@code direction}, so no word is split; else at. */
    private static int wordBoundary(String line, int at, int direction) {
        for (int i = at; i > 0 && i < line.length(); i += direction) {
            if (Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return Character.isLowSurrogate(line.charAt(at)) ? at - 1 : at;
    }

    /** A form of the given cut whose words start at word {@code at}, the longest if several; or null. */
    private LineForm formAt(FoldedWords words, int at, LineForm.Cut cut) {
        if (at >= words.size()) {
            return null;
        }
        LineForm best = Arrays.binarySearch(firstKeyHashes, words.keyHash(at)) < 0 ? null
                : best(byFirstKey.get(words.key(at)), words, at, cut, null);
        return words.isNumber(at) ? best(byFirstKey.get(LineForm.NUMBER), words, at, cut, best) : best;
    }

    private static LineForm best(List<LineForm> candidates, FoldedWords words, int at, LineForm.Cut cut,
            LineForm best) {
        if (candidates == null) {
            return best;
        }
        for (LineForm form : candidates) {
            if (form.cut() == cut && (best == null || form.length() > best.length()) && form.matchesAt(words, at)) {
                best = form;
            }
        }
        return best;
    }

    private static int skipSeparators(String line, int from) {
        int i = from;
        while (i < line.length() && isGlue(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimSeparators(String line, int to) {
        int i = to;
        while (i > 0 && isGlue(line.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Space, an invisible char, tatweel or a separator: what glues a widget to the story text. */
    private static boolean isGlue(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || c == '\u0640' || LineForm.SEPARATORS.indexOf(c) >= 0;
    }
}
