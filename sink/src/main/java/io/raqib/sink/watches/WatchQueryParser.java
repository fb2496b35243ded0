package io.raqib.sink.watches;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.Watch;
import io.raqib.core.text.RaqibAnalyzer;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Validates a watch and compiles it for matching: the classic query ({@link WatchSyntax}) and/or the weighted
 * terms, every word analyzed by the core analyzer exactly as articles are. Everything a watch must pass is here,
 * under {@link WatchLimits}: its fields ({@link WatchFieldCheck}), the query text before parsing
 * ({@link QueryPrecheck}), and the number of terms after analysis. Thread-safe.
 */
public final class WatchQueryParser {

    private static final Pattern LEXICAL_POSITION = Pattern.compile("at line (\\d+), column (\\d+)");
    private final Analyzer analyzer = RaqibAnalyzer.perField();
    private final WatchLimits limits;
    private final WatchFieldCheck fields;
    private final QueryPrecheck precheck;

    /** A parser refusing watches beyond {@code limits}. */
    public WatchQueryParser(WatchLimits limits) {
        this.limits = limits;
        this.fields = new WatchFieldCheck(limits);
        this.precheck = new QueryPrecheck(limits);
    }

    /**
     * Parses and checks the watch; throws {@link InvalidWatchException} naming the field and the problem, and
     * nothing else whatever the watch holds.
     */
    public CompiledWatch compile(Watch watch) {
        fields.check(watch);
        boolean hasQuery = watch.query() != null && !watch.query().isBlank();
        if (!hasQuery && !watch.weighted()) {
            throw new InvalidWatchException(watch.id(), "query", -1, "query is required (or weighted terms)", null);
        }
        try {
            return build(watch, hasQuery);
        } catch (InvalidWatchException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A Lucene limit the checks did not foresee (TooManyClauses, an immense term, …): the watch's fault.
            throw new InvalidWatchException(watch.id(), hasQuery ? "query" : "terms", -1,
                    "cannot be compiled: " + e, e);
        }
    }

    private CompiledWatch build(Watch watch, boolean hasQuery) {
        Query query = null;
        if (hasQuery) {
            precheck.check(watch.id(), watch.query());
            query = parseQuery(watch.id(), watch.query());
            requireFewClauses(watch.id(), "query", query);
        }
        if (!watch.weighted()) {
            return new CompiledWatch(watch, query, null, 0);
        }
        Query weights = weights(watch);
        Query candidates = hasQuery ? new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(weights, BooleanClause.Occur.MUST).build() : weights;
        requireFewClauses(watch.id(), "terms", candidates);
        return new CompiledWatch(watch, candidates, weights, watch.threshold());
    }

    /** Bounds the terms after analysis, where one word may become several and weighted terms add up. */
    private void requireFewClauses(String watchId, String field, Query query) {
        int clauses = clauses(query);
        if (clauses > limits.maxClauses()) {
            throw new InvalidWatchException(watchId, field, -1, field + ": " + clauses
                    + " terms after analysis, at most " + limits.maxClauses(), null);
        }
    }

    private static int clauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return count[0];
    }

    private Query parseQuery(String watchId, String text) {
        Query q;
        try {
            q = new WatchSyntax(analyzer).parse(text);
        } catch (ParseException e) {
            throw new InvalidWatchException(watchId, "query", column(e, text), "invalid query: " + reason(e), e);
        }
        if (q == null || q instanceof MatchNoDocsQuery || q instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
            throw new InvalidWatchException(watchId, "query", -1,
                    "query '" + WatchFieldCheck.abbreviate(text) + "' has no searchable word", null);
        }
        return q;
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
            throw new InvalidWatchException(watchId, field, -1,
                    field + ": '" + WatchFieldCheck.abbreviate(text) + "' has no searchable word", e);
        }
    }

    private static int column(ParseException e, String query) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof ParseException pe && pe.currentToken != null && pe.currentToken.next != null) {
            // Lucene's token columns count from 0 (FastCharStream); ours from 1, like the precheck's.
            return pe.currentToken.next.beginColumn + 1;
        }
        Matcher m = LEXICAL_POSITION.matcher(String.valueOf(cause.getMessage()));
        if (m.find()) {
            // A lexical error: Lucene counts lines only when the offending character is a line break (then the
            // error is at the end of the text), and its column is then 0.
            return m.group(1).equals("1") ? Math.max(1, Math.min(Integer.parseInt(m.group(2)), query.length() + 1))
                    : query.length() + 1;
        }
        Matcher field = Pattern.compile("unknown field '([^']*)'").matcher(String.valueOf(cause.getMessage()));
        // An escaped field name is not found as written: column unknown then.
        int at = field.find() ? query.indexOf(field.group(1) + ":") : -1;
        return at < 0 ? -1 : at + 1;
    }

    private static String reason(ParseException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : e.getMessage();
        String first = message.lines().findFirst().orElse(message).strip();
        return first.replaceAll("\\s*at line \\d+, column \\d+\\.?", "");
    }
}
