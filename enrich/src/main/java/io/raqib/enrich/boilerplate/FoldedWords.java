package io.raqib.enrich.boilerplate;

import io.raqib.core.text.NormalizationStage;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.CharFilter;

/**
 * The words of a line as boilerplate forms compare them: disguise removed, case and Arabic orthography folded
 * (the analyzer's own normalization, so {@code إقرأ أيضاً}, {@code اقرا ايضا} and {@code اقـ.ـرأ أيضا} read
 * alike). A word is a run of letters or digits of one kind (Arabic letters, other letters, digits), so a form glued
 * to an e-mail address ({@code x@y.comللتواصل}) is still its own word. Nearly every line matches no form, so
 * words are only boundaries until asked for, and their spans in the original line are only worked out (a second,
 * offset-keeping pass) for a line that is cut.
 */
final class FoldedWords {

    private static final char ALEF = '\u0627';

    /** The part of the line that was folded, as written, and where it starts in the line. */
    private final String part;
    private final int offset;
    private final String folded;
    /** Start and end of each word in the folded text. */
    private int[] bounds = new int[16];
    private int size;
    /** Start and end of each word in the original line, once asked for. */
    private int[] original;

    /** Folds {@code line} and splits it into words. */
    FoldedWords(String line) {
        this(line, 0, line.length());
    }

    /** Folds the part {@code from..to} of {@code line}; word spans are still offsets into the whole line. */
    FoldedWords(String line, int from, int to) {
        this.part = line.substring(from, to);
        this.offset = from;
        this.folded = NormalizationStage.normalize(part);
        split();
    }

    /** How many words the line has. */
    public int size() {
        return size;
    }

    /**
     * The comparison key of word {@code i}: an Arabic word's final alef is left out, because the analyzer's
     * orthography drops it only when tanween marks it ({@code أيضاً} → {@code ايض}, {@code ايضا} stays).
     */
    public String key(int i) {
        return folded.substring(bounds[2 * i], keyEnd(i));
    }

    /** {@code key(i).hashCode()}, without making the key. */
    public int keyHash(int i) {
        int h = 0;
        for (int c = bounds[2 * i], end = keyEnd(i); c < end; c++) {
            h = 31 * h + folded.charAt(c);
        }
        return h;
    }

    /** Where word {@code i} starts in the whole original line. */
    public int start(int i) {
        return originalBounds()[2 * i];
    }

    /** Where word {@code i} ends in the whole original line. */
    public int end(int i) {
        return originalBounds()[2 * i + 1];
    }

    /** Whether word {@code i} is a number. */
    public boolean isNumber(int i) {
        return Character.isDigit(folded.charAt(bounds[2 * i]));
    }

    /** Whether a link separator ({@code :} {@code -} {@code |} {@code »} …) stands between word i and word i + 1. */
    public boolean separatorAfter(int i) {
        for (int c = bounds[2 * i + 1]; c < bounds[2 * i + 2]; c++) {
            // Folding turned typographic quotes, the » arrow among them, into ".
            if (LineForm.SEPARATORS.indexOf(folded.charAt(c)) >= 0 || folded.charAt(c) == '"') {
                return true;
            }
        }
        return false;
    }

    /** The comparison keys of a phrase. */
    static List<String> keys(String phrase) {
        FoldedWords words = new FoldedWords(phrase);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < words.size; i++) {
            keys.add(words.key(i));
        }
        return keys;
    }

    private int keyEnd(int i) {
        int start = bounds[2 * i];
        int end = bounds[2 * i + 1];
        boolean finalAlef = end - start > 2 && folded.charAt(end - 1) == ALEF;
        return finalAlef ? end - 1 : end;
    }

    private void split() {
        int start = -1;
        Kind current = Kind.NONE;
        for (int i = 0; i <= folded.length(); i++) {
            Kind kind = i < folded.length() ? kind(folded.charAt(i)) : Kind.NONE;
            if (kind == current) {
                continue;
            }
            if (current != Kind.NONE) {
                if (2 * size + 2 > bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[2 * size] = start;
                bounds[2 * size + 1] = i;
                size++;
            }
            current = kind;
            start = i;
        }
    }

    private int[] originalBounds() {
        if (original != null) {
            return original;
        }
        try (Reader reader = NormalizationStage.ORTHOGRAPHY.wrapThrough(new StringReader(part))) {
            // The normalizing reader is a Lucene CharFilter: it maps folded offsets back to the line.
            CharFilter filter = (CharFilter) reader;
            // The first read normalizes the whole line and fills the offset map.
            filter.read();
            original = new int[2 * size];
            for (int i = 0; i < original.length; i++) {
                original[i] = offset + filter.correctOffset(bounds[i]);
            }
            return original;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum Kind { NONE, ARABIC, LETTER, DIGIT }

    /** The kind of a folded char: the Arabic alphabet first, the Arabic blocks by range (a script lookup costs a search). */
    private static Kind kind(char c) {
        if (c >= '\u0621' && c <= '\u064A') {
            return Kind.ARABIC;
        }
        if (Character.isDigit(c)) {
            return Kind.DIGIT;
        }
        if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
            return Kind.NONE;
        }
        boolean arabic = c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F'
                || c >= '\u08A0' && c <= '\u08FF' || c >= '\uFB50' && c <= '\uFDFF' || c >= '\uFE70' && c <= '\uFEFF';
        return arabic ? Kind.ARABIC : Kind.LETTER;
    }
}
