package io.raqib.sink.gate;

import io.raqib.sink.matching.HighlightDraft;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text windows of a batch's highlight drafts, carried once: the drafts of one article overlap (33 windows of
 * ~160 characters around nearby words were 15 KB of a 19 KB batch), so a batch carries the merged stretches of
 * each field's text ({@link Piece}s) and each draft only its offsets, and the gate gives every draft its window
 * back from them.
 */
public final class DraftTexts {

    /**
     * A stretch of a field's boilerplate-free text that one or more drafts' windows fall in.
     *
     * @param start where {@code text} starts in that field's text
     */
    public record Piece(String field, int start, String text) {

        boolean holds(HighlightDraft d) {
            return field.equals(d.field()) && start <= d.windowStart()
                    && d.windowStart() <= start + text.length();
        }
    }

    private DraftTexts() {
    }

    /** The drafts' windows, merged where they overlap or touch, per field in text order. */
    static List<Piece> pieces(List<HighlightDraft> drafts) {
        List<HighlightDraft> sorted = new ArrayList<>(drafts);
        sorted.sort(Comparator.comparing(HighlightDraft::field).thenComparingInt(HighlightDraft::windowStart));
        List<Piece> out = new ArrayList<>();
        String field = null;
        int start = 0;
        StringBuilder text = new StringBuilder();
        for (HighlightDraft d : sorted) {
            int end = start + text.length();
            if (d.field().equals(field) && d.windowStart() <= end) {
                int windowEnd = d.windowStart() + d.window().length();
                if (windowEnd > end) {
                    text.append(d.window(), end - d.windowStart(), d.window().length());
                }
                continue;
            }
            if (field != null) {
                out.add(new Piece(field, start, text.toString()));
            }
            field = d.field();
            start = d.windowStart();
            text.setLength(0);
            text.append(d.window());
        }
        if (field != null) {
            out.add(new Piece(field, start, text.toString()));
        }
        return out;
    }

    /** The draft without its window, which the batch's pieces carry. */
    static HighlightDraft withoutWindow(HighlightDraft d) {
        return new HighlightDraft(d.field(), d.start(), d.end(), d.text(), null, d.windowStart(), d.contextLength(),
                d.contextStart(), d.contextEnd());
    }

    /**
     * The draft reading its window from the piece that holds it (a longer window than it had: its fragment reads
     * only the part it needs); a draft that still has its window is returned as it is.
     */
    static HighlightDraft withWindow(HighlightDraft d, List<Piece> pieces) {
        if (d.window() != null) {
            return d;
        }
        for (Piece p : pieces) {
            if (p.holds(d)) {
                return new HighlightDraft(d.field(), d.start(), d.end(), d.text(), p.text(), p.start(),
                        d.contextLength(), d.contextStart(), d.contextEnd());
            }
        }
        throw new IllegalArgumentException("a highlight draft of " + d.field() + " at " + d.windowStart()
                + " lies outside the texts its candidate batch carries");
    }
}
