package io.raqib.sink.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Turns hits (Lucene Monitor's, or the compiled matcher's from known positions) into highlights on the ORIGINAL
 * text: each span as written (disguise included) and a fragment of about {@value #FRAGMENT_CHARS} characters
 * around it, cut at word boundaries. Drafts carry what the fragment needs, so it is cut only for alerts.
 */
public final class HighlightBuilder {

    static final int FRAGMENT_CHARS = 160;
    static final int MAX_HIGHLIGHTS = 20;

    private HighlightBuilder() {
    }

    /** Drafts of the highlights of every hit of a match, title first, in text order, without duplicates. */
    public static List<HighlightDraft> drafts(ArticleDocument doc, Map<String, Set<HighlightsMatch.Hit>> hits) {
        Set<ArticleDocument.Span> spans = new TreeSet<>(Comparator
                .comparing((ArticleDocument.Span s) -> !"title".equals(s.field()))
                .thenComparingInt(ArticleDocument.Span::start)
                .thenComparingInt(ArticleDocument.Span::end));
        hits.forEach((field, fieldHits) -> addSpans(doc, field, fieldHits, spans));
        List<HighlightDraft> out = new ArrayList<>();
        for (ArticleDocument.Span span : spans) {
            if (out.size() == MAX_HIGHLIGHTS) {
                break;
            }
            out.add(doc.draft(span, HighlightBuilder::draft));
        }
        return out;
    }

    private static HighlightDraft draft(ArticleDocument doc, ArticleDocument.Span s) {
        return draft(s.field(), s.start(), s.end(), doc.original(s.field()).substring(s.start(), s.end()), s.context(),
                s.contextStart(), s.contextEnd());
    }

    /**
     * The draft of a span whose fragment comes from [{@code contextStart}, {@code contextEnd}) of {@code context}:
     * the part of the context a fragment around it can reach, one more character each side for the word-boundary
     * checks of {@link #fragment}.
     */
    static HighlightDraft draft(String field, int start, int end, String text, String context, int contextStart,
                                int contextEnd) {
        int room = Math.max(0, FRAGMENT_CHARS - (contextEnd - contextStart)) / 2;
        int from = Math.max(0, contextStart - room - 1);
        int to = Math.min(context.length(), contextEnd + room + 1);
        return new HighlightDraft(field, start, end, text, context.substring(from, to), from, context.length(),
                contextStart, contextEnd);
    }

    /** About {@value #FRAGMENT_CHARS} characters of {@code text} centred on [start, end), on one line. */
    static String fragment(CharSequence text, int start, int end) {
        int room = Math.max(0, FRAGMENT_CHARS - (end - start)) / 2;
        int from = Math.max(0, start - room);
        int to = Math.min(text.length(), end + room);
        while (from > 0 && from < start && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < text.length() && to > end && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        String prefix = from > 0 ? "…" : "";
        String suffix = to < text.length() ? "…" : "";
        return prefix + collapseWhitespace(text, from, to) + suffix;
    }

    /** {@code text[from, to)} with each run of whitespace as one space, trimmed (a loop into a char array). */
    private static String collapseWhitespace(CharSequence text, int from, int to) {
        char[] out = new char[to - from];
        int n = 0;
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = n > 0;
            } else {
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    private static void addSpans(ArticleDocument doc, String field, Collection<HighlightsMatch.Hit> hits,
                                 Set<ArticleDocument.Span> spans) {
        for (HighlightsMatch.Hit hit : hits) {
            ArticleDocument.Span span = doc.locate(field, hit.startOffset, hit.endOffset);
            if (span != null && span.end() > span.start()) {
                spans.add(span);
            }
        }
    }
}
