package io.raqib.sink;

import io.raqib.core.model.Watch;
import io.raqib.core.text.RaqibAnalyzer;
import io.raqib.core.text.TextFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a watch into a Lucene query: classic query syntax over the core analyzer (default field {@code text}),
 * with the watch's language restriction added as a {@code lang} filter so the presearcher can use it too.
 */
public final class WatchQueryParser {

    private final Analyzer analyzer = RaqibAnalyzer.perField();

    /** Parses the watch's query; throws {@link InvalidWatchException} naming the problem. */
    public Query parse(Watch watch) {
        if (watch.id() == null || watch.id().isBlank()) {
            throw new InvalidWatchException(String.valueOf(watch.id()), "id is required", null);
        }
        if (watch.query() == null || watch.query().isBlank()) {
            throw new InvalidWatchException(watch.id(), "query is required", null);
        }
        Query query;
        try {
            query = new QueryParser(TextFields.TEXT, analyzer).parse(watch.query());
        } catch (ParseException e) {
            throw new InvalidWatchException(watch.id(), "invalid query: " + firstLine(e.getMessage()), e);
        }
        if (watch.languages().isEmpty()) {
            return query;
        }
        BooleanQuery.Builder languages = new BooleanQuery.Builder();
        watch.languages().forEach(l -> languages.add(new TermQuery(new Term(TextFields.LANG, l)),
                BooleanClause.Occur.SHOULD));
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(languages.build(), BooleanClause.Occur.FILTER)
                .build();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
