package io.raqib.enrich.boilerplate;

/**
 * What stays of a line once its boilerplate is cut: the range {@code start..end} of the original line, nothing
 * when the whole line is boilerplate.
 *
 * @param start where the kept text starts in the line
 * @param end   where it ends
 * @param kind  the kind of the form that cut the line, null when nothing was cut
 */
public record LineCut(int start, int end, String kind) {

    /** The whole line stays. */
    static LineCut whole(String line) {
        return new LineCut(0, line.length(), null);
    }

    /** The whole line goes. */
    static LineCut dropped(String kind) {
        return new LineCut(0, 0, kind);
    }

    /** Whether nothing of the line stays. */
    public boolean dropped() {
        return start == end;
    }

    /** Whether part or all of the line was cut. */
    public boolean cut() {
        return kind != null;
    }

    /** The text that stays of {@code line}. */
    public String kept(String line) {
        return line.substring(start, end);
    }
}
