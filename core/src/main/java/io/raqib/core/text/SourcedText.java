package io.raqib.core.text;

import java.util.Arrays;

/**
 * A growable char buffer that remembers, for every char, the offset in the original text it came from. The
 * normalization stages read one and write another, so offsets survive deletions and NFKC expansions without
 * a correction table per stage.
 */
final class SourcedText {

    char[] chars;
    int[] sources;
    int length;

    SourcedText(int capacity) {
        chars = new char[Math.max(capacity, 16)];
        sources = new int[chars.length];
    }

    /** Appends {@code c}, which came from original offset {@code source}. */
    void append(char c, int source) {
        if (length == chars.length) {
            grow(length + 1);
        }
        chars[length] = c;
        sources[length++] = source;
    }

    /** Empties the buffer and makes room for {@code capacity} chars. */
    void clear(int capacity) {
        length = 0;
        if (chars.length < capacity) {
            grow(capacity);
        }
    }

    private void grow(int capacity) {
        int size = Math.max(capacity, chars.length * 2);
        chars = Arrays.copyOf(chars, size);
        sources = Arrays.copyOf(sources, size);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
