package io.raqib.core.text;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Runs the {@link NormalizationStage}s over a whole text and serves the result, correcting every token offset
 * back to the original text. The input is read completely first: de-obfuscation needs look-ahead, an article is
 * small, and running each stage as one loop over an array is several times faster than a chain of streaming
 * readers. Each stage carries every char's original offset along ({@link SourcedText}), so the correction table
 * is built once, at the end, from the offsets that changed.
 *
 * <p>The buffers are borrowed from a per-thread {@link Workspace} until {@link #close()}: allocating them per
 * article cost more than the normalization itself. A second filter open on the same thread gets its own.
 */
final class NormalizingCharFilter extends BaseCharFilter {

    private static final ThreadLocal<Workspace> WORKSPACES = ThreadLocal.withInitial(Workspace::new);

    private final NormalizationStage last;
    private final UnicodeNormalizer unicode;
    private Workspace workspace;
    private SourcedText result;
    private int served;

    /** Normalizes {@code in} through stage {@code last} (inclusive), with or without folding case. */
    NormalizingCharFilter(Reader in, NormalizationStage last, boolean foldCase) {
        super(in);
        this.last = last;
        this.unicode = foldCase ? UnicodeNormalizer.caseFolding() : UnicodeNormalizer.plain();
    }

    /** The text after every stage through {@code last}, with each char's offset in {@code text}. */
    static SourcedText normalize(char[] text, int length, NormalizationStage last, boolean foldCase) {
        UnicodeNormalizer unicode = foldCase ? UnicodeNormalizer.caseFolding() : UnicodeNormalizer.plain();
        return normalize(unicode, text, length, last, new SourcedText(length), new SourcedText(length));
    }

    private static SourcedText normalize(UnicodeNormalizer unicode, char[] text, int length,
            NormalizationStage last, SourcedText a, SourcedText b) {
        SourcedText normalized = unicode.apply(text, length, a, b);
        if (last == NormalizationStage.UNICODE) {
            return normalized;
        }
        SourcedText deobfuscated = normalized == a ? b : a;
        ObfuscationJoiner.apply(normalized, deobfuscated);
        SpacedLetterJoiner.apply(deobfuscated);
        if (last == NormalizationStage.DEOBFUSCATION) {
            return deobfuscated;
        }
        Orthography.apply(deobfuscated);
        return deobfuscated;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (result == null) {
            load();
        }
        if (served >= result.length) {
            return len == 0 ? 0 : -1;
        }
        int n = Math.min(len, result.length - served);
        System.arraycopy(result.chars, served, cbuf, off, n);
        served += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (workspace != null) {
            workspace.release();
            workspace = null;
        }
        super.close();
    }

    private void load() throws IOException {
        workspace = Workspace.borrow();
        char[] text = workspace.text;
        int length = 0;
        int n;
        while ((n = input.read(text, length, text.length - length)) != -1) {
            length += n;
            if (length == text.length) {
                text = Arrays.copyOf(text, text.length * 2);
                workspace.text = text;
            }
        }
        result = normalize(unicode, text, length, last, workspace.a, workspace.b);
        int diff = 0;
        for (int i = 0; i < result.length; i++) {
            int d = result.sources[i] - i;
            if (d != diff) {
                addOffCorrectMap(i, d);
                diff = d;
            }
        }
        // The end of the text maps to the end of the original, past any deleted tail.
        if (length - result.length != diff) {
            addOffCorrectMap(result.length, length - result.length);
        }
    }

    /** Per-thread buffers; one filter uses them at a time. */
    private static final class Workspace {
        /** Buffers grown past this many chars by a huge text are dropped rather than kept for the thread. */
        private static final int MAX_KEPT = 1 << 20;
        private static final int INITIAL = 8192;

        char[] text = new char[INITIAL];
        final SourcedText a = new SourcedText(INITIAL);
        final SourcedText b = new SourcedText(INITIAL);
        private boolean inUse;
        private boolean pooled;

        static Workspace borrow() {
            Workspace workspace = WORKSPACES.get();
            if (workspace.inUse) {
                workspace = new Workspace();
            } else {
                workspace.pooled = true;
            }
            workspace.inUse = true;
            return workspace;
        }

        void release() {
            inUse = false;
            if (pooled && (text.length > MAX_KEPT || a.chars.length > MAX_KEPT || b.chars.length > MAX_KEPT)) {
                WORKSPACES.remove();
            }
        }
    }
}
