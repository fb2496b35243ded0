package io.raqib.sink;

import io.raqib.core.model.Watch;
import io.raqib.core.text.RaqibAnalyzer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Validates a watch and compiles it for matching: the classic query ({@link WatchSyntax}) and/or the weighted
 * terms, every word analyzed by the core analyzer exactly as articles are. Thread-safe.
 */
public final class WatchQueryParser {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern DESK = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
    private final Analyzer analyzer = RaqibAnalyzer.perField();
    /** Split and index queries as every Monitor does, to refuse one it cannot index; stateless, so shared. */
    private final QueryDecomposer decomposer = new QueryDecomposer();
    private final Presearcher indexCheck = new TermFilteredPresearcher();

    /** Parses and checks the watch; throws {@link InvalidWatchException} naming the field and the problem. */
    public CompiledWatch compile(Watch watch) {
        checkAttributes(watch);
        boolean hasQuery = watch.query() != null && !watch.query().isBlank();
        if (!hasQuery && !watch.weighted()) {
            throw new InvalidWatchException(watch.id(), "query", -1, "query is required (or weighted terms)", null);
        }
        Query query = hasQuery ? parseQuery(watch.id(), watch.query()) : null;
        if (!watch.weighted()) {
            return new CompiledWatch(watch, query, null, 0);
        }
        Query weights = weights(watch);
        Query candidates = hasQuery ? new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(weights, BooleanClause.Occur.MUST).build() : weights;
        return new CompiledWatch(watch, candidates, weights, watch.threshold());
    }

    /** Parses the watch's query only (kept for callers that need the Lucene query). */
    public Query parse(Watch watch) {
        return compile(watch).monitorQuery();
    }

    private static void checkAttributes(Watch watch) {
        if (watch.id() == null || watch.id().isBlank()) {
            throw new InvalidWatchException(String.valueOf(watch.id()), "id", -1, "id is required", null);
        }
        if (!ID.matcher(watch.id()).matches()) {
            throw new InvalidWatchException(watch.id(), "id", -1,
                    "id: use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit)", null);
        }
        if (watch.desk() != null && !DESK.matcher(watch.desk()).matches()) {
            throw new InvalidWatchException(watch.id(), "desk", -1,
                    "desk: use lower-case letters, digits, '.', '_' and '-' (it names the topic raqib.alerts.<desk>)",
                    null);
        }
        if (watch.throttle() != null && (watch.throttle().isNegative() || watch.throttle().isZero())) {
            throw new InvalidWatchException(watch.id(), "throttle", -1, "throttle must be a positive ISO-8601 duration",
                    null);
        }
        if (watch.languages().stream().anyMatch(l -> l == null || l.isBlank())) {
            throw new InvalidWatchException(watch.id(), "languages", -1, "language codes must not be blank", null);
        }
    }

    private Query parseQuery(String watchId, String text) {
        Query q;
        try {
            q = new WatchSyntax(analyzer).parse(text);
        } catch (ParseException e) {
            throw new InvalidWatchException(watchId, "query", column(e, text), "invalid query: " + reason(e), e);
        } catch (IllegalArgumentException e) {
            // Lucene checks some query text only when it builds the query: a malformed /regular expression/.
            throw new InvalidWatchException(watchId, "query", -1, "invalid query: " + e.getMessage(), e);
        }
        if (q == null || q instanceof MatchNoDocsQuery || q instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
            throw new InvalidWatchException(watchId, "query", -1, "query '" + text + "' has no searchable word", null);
        }
        checkIndexable(watchId, q);
        return q;
    }

    /**
     * The Monitor splits a watch's query into its disjuncts and indexes each by the terms it needs; a disjunct
     * that can need no term at all (a regular expression matching no word, {@code /#/}) makes the registration
     * throw, so it is refused here.
     */
    private void checkIndexable(String watchId, Query query) {
        try {
            for (Query disjunct : decomposer.decompose(query)) {
                indexCheck.indexQuery(disjunct, Map.of());
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidWatchException(watchId, "query", -1, "query cannot be indexed for matching: "
                    + e.getMessage(), e);
        }
    }

    private Query weights(Watch watch) {
        if (watch.threshold() == null || !(watch.threshold() > 0) || watch.threshold().isInfinite()) {
            throw new InvalidWatchException(watch.id(), "threshold", -1,
                    "a positive threshold is required with weighted terms", null);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        for (Watch.Term term : watch.terms()) {
            // Lucene boosts are floats: a larger weight would become infinite.
            if (!(term.weight() > 0) || term.weight() > Float.MAX_VALUE) {
                throw new InvalidWatchException(watch.id(), "terms", -1, "terms: weight of '" + term.text()
                        + "' must be positive and at most 3.4e38 (use excluded for terms that rule an article out)",
                        null);
            }
            Query phrase = phrase(watch.id(), "terms", term.text());
            b.add(new BoostQuery(new ConstantScoreQuery(phrase), (float) term.weight()), BooleanClause.Occur.SHOULD);
        }
        addAll(b, watch.id(), "required", watch.required(), BooleanClause.Occur.FILTER);
        addAll(b, watch.id(), "excluded", watch.excluded(), BooleanClause.Occur.MUST_NOT);
        return b.build();
    }

    private void addAll(BooleanQuery.Builder b, String watchId, String field, List<String> texts,
                        BooleanClause.Occur occur) {
        for (String text : texts) {
            b.add(phrase(watchId, field, text), occur);
        }
    }

    /** A word or phrase of the weighted form, analyzed like the text; refused when it has no indexable word. */
    private Query phrase(String watchId, String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidWatchException(watchId, field, -1, field + " must not be blank", null);
        }
        try {
            return parseQuery(watchId, "\"" + QueryParser.escape(text.strip()) + "\"");
        } catch (InvalidWatchException e) {
            throw new InvalidWatchException(watchId, field, -1, field + ": '" + text + "' has no searchable word", e);
        }
    }

    private static int column(ParseException e, String query) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            return pe.currentToken.next.beginColumn;
        }
        Matcher m = COLUMN.matcher(String.valueOf(cause.getMessage()));
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        Matcher field = Pattern.compile("unknown field '([^']*)'").matcher(String.valueOf(cause.getMessage()));
        return field.find() ? query.indexOf(field.group(1) + ":") + 1 : -1;
    }

    private static String reason(ParseException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : e.getMessage();
        String first = message.lines().findFirst().orElse(message).strip();
        return first.replaceAll("\\s*at line \\d+, column \\d+\\.?", "");
    }
}
