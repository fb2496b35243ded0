package io.raqib.sink;

import io.raqib.core.model.Highlight;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Turns Lucene Monitor hits into highlights on the ORIGINAL text: each span as written (disguise included)
 * and a fragment of about {@value #FRAGMENT_CHARS} characters around it, cut at word boundaries.
 */
public final class HighlightBuilder {

    static final int FRAGMENT_CHARS = 160;
    static final int MAX_HIGHLIGHTS = 20;

    private HighlightBuilder() {
    }

    /** Highlights for every hit of a match, title first, in text order, without duplicates. */
    public static List<Highlight> build(ArticleDocument doc, Map<String, Set<HighlightsMatch.Hit>> hits) {
        Set<ArticleDocument.Span> spans = new TreeSet<>(Comparator
                .comparing((ArticleDocument.Span s) -> !"title".equals(s.field()))
                .thenComparingInt(ArticleDocument.Span::start)
                .thenComparingInt(ArticleDocument.Span::end));
        hits.forEach((field, fieldHits) -> addSpans(doc, field, fieldHits, spans));
        List<Highlight> out = new ArrayList<>();
        for (ArticleDocument.Span span : spans) {
            if (out.size() == MAX_HIGHLIGHTS) {
                break;
            }
            out.add(doc.highlight(span, s -> new Highlight(s.field(), s.start(), s.end(),
                    doc.original(s.field()).substring(s.start(), s.end()),
                    fragment(s.context(), s.contextStart(), s.contextEnd()))));
        }
        return out;
    }

    /** About {@value #FRAGMENT_CHARS} characters of {@code text} centred on [start, end), on one line. */
    static String fragment(String text, int start, int end) {
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

    /** {@code text[from, to)} with each run of whitespace as one space, trimmed (a loop: regexes cost here). */
    private static String collapseWhitespace(String text, int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
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
