package io.raqib.sink.matching;

import io.raqib.core.model.Highlight;

/**
 * A highlight before its fragment is cut: the span on the original text and the stretch of the boilerplate-free
 * text its fragment comes from ({@code window}, which starts at {@code windowStart} of a text of
 * {@code contextLength} characters; the span is [{@code contextStart}, {@code contextEnd}) of that text). Small
 * enough to travel with a match to the alert gate, so only matches that become alerts pay for their fragments.
 */
public record HighlightDraft(String field, int start, int end, String text, String window, int windowStart,
                             int contextLength, int contextStart, int contextEnd) {

    /** The highlight, its fragment cut now. */
    public Highlight highlight() {
        return new Highlight(field, start, end, text,
                HighlightBuilder.fragment(new Window(), contextStart, contextEnd));
    }

    /** The context text as far as the window holds it: all a fragment reads. */
    private final class Window implements CharSequence {
        @Override
        public int length() {
            return contextLength;
        }

        @Override
        public char charAt(int index) {
            return window.charAt(index - windowStart);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return window.substring(from - windowStart, to - windowStart);
        }

        @Override
        public String toString() {
            return window;
        }
    }
}
