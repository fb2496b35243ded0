package io.raqib.sink.history;

import io.raqib.core.model.VolumeAlert;
import java.time.Instant;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Which alerts of the history a search or an export wants; every part is optional (null = any).
 *
 * @param watchId the watch (the event's subject)
 * @param desk    the desk the alert's watch had when it was indexed; a news source's spikes and silences concern
 *                every desk (as on the live console), so they are kept too
 * @param from    earliest alert time, inclusive
 * @param to      latest alert time, exclusive
 * @param text    words all found in the title, highlight fragments, watch name or source (Raqib's analysis)
 * @param type    the CloudEvent type ({@code raqib.alert}, {@code raqib.spike}, {@code raqib.silence})
 */
public record HistoryFilter(String watchId, String desk, Instant from, Instant to, String text, String type) {

    /** Every alert. */
    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, null, null, null);

    /** The same filter limited to {@code onlyDesk}. */
    public HistoryFilter withDesk(String onlyDesk) {
        return new HistoryFilter(watchId, onlyDesk, from, to, text, type);
    }

    /** Whether {@link #text} has words Raqib's analysis keeps (punctuation alone has none). */
    public boolean textSearchable(Analyzer analyzer) {
        return text == null || new QueryBuilder(analyzer).createBooleanQuery(AlertDocument.TEXT, text,
                Occur.MUST) != null;
    }

    /** This filter as a Lucene query over {@link AlertDocument}s; {@code analyzer} reads {@link #text}. */
    Query toQuery(Analyzer analyzer) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        term(b, AlertDocument.WATCH, watchId);
        if (desk != null) {
            b.add(new BooleanQuery.Builder().add(new TermQuery(new Term(AlertDocument.DESK, desk)), Occur.SHOULD)
                    .add(new PrefixQuery(new Term(AlertDocument.WATCH, VolumeAlert.SOURCE_SUBJECT)), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        term(b, AlertDocument.TYPE, type);
        if (from != null || to != null) {
            long lower = from == null ? Long.MIN_VALUE : from.toEpochMilli();
            long upper = to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(AlertDocument.TIME, lower, upper), Occur.FILTER);
        }
        if (text != null) {
            Query words = new QueryBuilder(analyzer).createBooleanQuery(AlertDocument.TEXT, text, Occur.MUST);
            b.add(words == null ? new MatchNoDocsQuery("no searchable words") : words, Occur.MUST);
        }
        return b.build();
    }

    private static void term(BooleanQuery.Builder b, String field, String value) {
        if (value != null) {
            b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }
}
