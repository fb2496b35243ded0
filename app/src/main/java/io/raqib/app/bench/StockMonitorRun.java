package io.raqib.app.bench;

import io.raqib.core.model.Watch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;

/**
 * The baseline of {@code raqib bench match}: stock Lucene Monitor as a newcomer would set it up — stock
 * {@link ArabicAnalyzer}, {@link TermFilteredPresearcher}, one field {@code text} = title + body, the same watch
 * queries, one thread, {@link QueryMatch#SIMPLE_MATCHER} (no highlights).
 */
final class StockMonitorRun implements AutoCloseable {

    private final Analyzer analyzer = new ArabicAnalyzer();
    private final Monitor monitor;

    StockMonitorRun(List<Watch> watches) throws IOException {
        monitor = new Monitor(analyzer, new TermFilteredPresearcher());
        List<MonitorQuery> queries = new ArrayList<>(watches.size());
        QueryParser parser = new QueryParser("text", analyzer);
        for (Watch w : watches) {
            try {
                queries.add(new MonitorQuery(w.id(), parser.parse(w.query())));
            } catch (ParseException e) {
                throw new IllegalArgumentException("watch " + w.id() + ": " + e.getMessage(), e);
            }
        }
        monitor.register(queries);
    }

    /** Matches every document in order; returns the number of (watch, document) matches. */
    long run(List<CorpusArticles.Item> docs) throws IOException {
        long matches = 0;
        for (CorpusArticles.Item item : docs) {
            Document doc = new Document();
            doc.add(new TextField("text", item.title() + "\n" + item.content(), Field.Store.NO));
            matches += monitor.match(doc, QueryMatch.SIMPLE_MATCHER).getMatchCount();
        }
        return matches;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}
