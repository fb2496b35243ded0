package io.raqib.sink.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * An article's indexed terms, read once from its one-document index: term → positions for each analyzed field,
 * the bare terms of keyword fields. Compiled watches are checked against this map, so the article is analyzed
 * once however many watches are checked. Not thread-safe: one per article and thread.
 */
public final class ArticleTerms {

    private static final int[] NO_POSITIONS = new int[0];
    private final IndexSearcher searcher;
    private final LeafReader reader;
    private final Map<String, Map<String, int[]>> fields = new HashMap<>();

    /** Reads every term (and its positions) of the article's one-document index. */
    public ArticleTerms(IndexSearcher searcher) {
        this.searcher = searcher;
        this.reader = searcher.getIndexReader().leaves().get(0).reader();
        try {
            for (FieldInfo info : reader.getFieldInfos()) {
                fields.put(info.name, read(reader.terms(info.name), hasPositions(info)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the article's terms", e);
        }
    }

    private static boolean hasPositions(FieldInfo info) {
        return info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
    }

    private static Map<String, int[]> read(Terms terms, boolean positions) throws IOException {
        Map<String, int[]> out = new HashMap<>();
        if (terms == null) {
            return out;
        }
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            int[] at = NO_POSITIONS;
            if (positions) {
                postings = te.postings(postings, PostingsEnum.POSITIONS);
                postings.nextDoc();
                at = new int[postings.freq()];
                for (int i = 0; i < at.length; i++) {
                    at[i] = postings.nextPosition();
                }
            }
            out.put(term.utf8ToString(), at);
        }
        return out;
    }

    /** Whether {@code field} holds {@code term}. */
    public boolean has(String field, String term) {
        Map<String, int[]> terms = fields.get(field);
        return terms != null && terms.containsKey(term);
    }

    /** The ascending positions of {@code term} in {@code field}; empty when absent or a keyword field. */
    public int[] positions(String field, String term) {
        Map<String, int[]> terms = fields.get(field);
        int[] at = terms == null ? null : terms.get(term);
        return at == null ? NO_POSITIONS : at;
    }

    /** Whether some term of {@code field} starts with {@code prefix} (Lucene's own term order and bytes). */
    public boolean hasPrefix(String field, String prefix) {
        try {
            Terms terms = reader.terms(field);
            if (terms == null) {
                return false;
            }
            TermsEnum te = terms.iterator();
            BytesRef start = new BytesRef(prefix);
            return te.seekCeil(start) != TermsEnum.SeekStatus.END && StringHelper.startsWith(te.term(), start);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the article's terms", e);
        }
    }

    /** Whether Lucene matches {@code query} against the article. */
    public boolean matches(Query query) {
        try {
            return searcher.count(query) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a watch's query", e);
        }
    }

    /** Calls {@code action} with each field of the article and the set of its terms. */
    public void forEachField(BiConsumer<String, Set<String>> action) {
        fields.forEach((field, terms) -> action.accept(field, terms.keySet()));
    }
}
