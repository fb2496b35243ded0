package io.raqib.sink.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * An article's terms, from one pass of the analyzer over its fields: term → positions and offsets for each
 * analyzed field, the bare terms of keyword fields; the same terms, positions and offsets a one-document Lucene
 * index of it would hold. Compiled watches are checked against this map, so the article is analyzed once however
 * many watches are checked. Not thread-safe: one per article and thread.
 */
public final class ArticleTerms {

    private static final int[] NONE = new int[0];
    private final Analyzer analyzer;
    private final Map<String, FieldTerms> fields = new HashMap<>();
    private IndexSearcher searcher;

    /** Where a term stands in a field: ascending positions, and each occurrence's character offsets. */
    static final class Occurrences {
        int[] positions = new int[1];
        int[] starts = new int[1];
        int[] ends = new int[1];
        int count;

        private void add(int position, int start, int end) {
            if (count == positions.length) {
                positions = Arrays.copyOf(positions, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            positions[count] = position;
            starts[count] = start;
            ends[count] = end;
            count++;
        }
    }

    /** One field's terms, and (built on the first prefix lookup) the same terms sorted. */
    private static final class FieldTerms {
        final Map<String, Occurrences> terms = new HashMap<>();
        final boolean positions;
        String[] sorted;

        FieldTerms(boolean positions) {
            this.positions = positions;
        }

        String[] sorted() {
            if (sorted == null) {
                sorted = terms.keySet().toArray(String[]::new);
                Arrays.sort(sorted);
            }
            return sorted;
        }
    }

    /** Analyzes every field of {@code document} with {@code analyzer}. */
    public ArticleTerms(Document document, Analyzer analyzer) {
        this.analyzer = analyzer;
        try {
            for (IndexableField field : document) {
                add(field);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyze the article", e);
        }
        fields.values().forEach(f -> f.terms.values().forEach(o -> {
            if (o.positions.length != o.count) {
                o.positions = Arrays.copyOf(o.positions, o.count);
            }
        }));
    }

    /** A field's tokens as a one-document index stores them: positions from -1 by increments, gap between values. */
    private void add(IndexableField field) throws IOException {
        boolean positions = field.fieldType().indexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
        FieldTerms terms = fields.get(field.name());
        int position = -1;
        if (terms == null) {
            terms = new FieldTerms(positions);
            fields.put(field.name(), terms);
        } else {
            position = lastPosition(terms) + analyzer.getPositionIncrementGap(field.name());
        }
        try (TokenStream ts = field.tokenStream(analyzer, null)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                Occurrences at = terms.terms.computeIfAbsent(text(term), t -> new Occurrences());
                if (positions) {
                    at.add(position, offset.startOffset(), offset.endOffset());
                }
            }
            ts.end();
        }
    }

    private static int lastPosition(FieldTerms terms) {
        int last = -1;
        for (Occurrences o : terms.terms.values()) {
            last = Math.max(last, o.count == 0 ? -1 : o.positions[o.count - 1]);
        }
        return last;
    }

    /** The term as the index stores it: its UTF-8 bytes read back, so a lone surrogate becomes U+FFFD as there. */
    private static String text(CharTermAttribute term) {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isSurrogate(term.charAt(i))) {
                return new BytesRef(term).utf8ToString();
            }
        }
        return term.toString();
    }

    /** Whether {@code field} holds {@code term}. */
    public boolean has(String field, String term) {
        FieldTerms terms = fields.get(field);
        return terms != null && terms.terms.containsKey(term);
    }

    /** The ascending positions of {@code term} in {@code field}; empty when absent or a keyword field. */
    public int[] positions(String field, String term) {
        Occurrences at = occurrences(field, term);
        return at == null ? NONE : at.positions;
    }

    /** Where {@code term} stands in {@code field}, or null when absent. */
    Occurrences occurrences(String field, String term) {
        FieldTerms terms = fields.get(field);
        return terms == null ? null : terms.terms.get(term);
    }

    /** Whether some term of {@code field} starts with {@code prefix}. */
    public boolean hasPrefix(String field, String prefix) {
        FieldTerms terms = fields.get(field);
        if (terms == null) {
            return false;
        }
        String[] sorted = terms.sorted();
        int at = Arrays.binarySearch(sorted, prefix);
        int first = at >= 0 ? at : -at - 1;
        return first < sorted.length && sorted[first].startsWith(prefix);
    }

    /** Calls {@code action} with each term of {@code field} that starts with {@code prefix}. */
    void forEachWithPrefix(String field, String prefix, Consumer<String> action) {
        FieldTerms terms = fields.get(field);
        if (terms == null) {
            return;
        }
        String[] sorted = terms.sorted();
        int at = Arrays.binarySearch(sorted, prefix);
        for (int i = at >= 0 ? at : -at - 1; i < sorted.length && sorted[i].startsWith(prefix); i++) {
            action.accept(sorted[i]);
        }
    }

    /**
     * Whether Lucene matches {@code query}, on a field with positions, against the article (on a one-document index
     * built the first time).
     */
    public boolean matches(Query query) {
        try {
            return searcher().count(query) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a watch's query", e);
        }
    }

    /** The article's one-document index, built from the recorded tokens of its fields with positions. */
    private IndexSearcher searcher() {
        if (searcher == null) {
            MemoryIndex index = new MemoryIndex(true);
            fields.forEach((name, terms) -> {
                if (terms.positions) {
                    index.addField(name, new RecordedTokens(terms.terms));
                }
            });
            searcher = index.createSearcher();
        }
        return searcher;
    }

    /** Calls {@code action} with each field of the article and the set of its terms. */
    public void forEachField(BiConsumer<String, Set<String>> action) {
        fields.forEach((field, terms) -> action.accept(field, terms.terms.keySet()));
    }
}
