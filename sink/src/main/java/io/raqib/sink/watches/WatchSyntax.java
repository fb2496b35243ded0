package io.raqib.sink.watches;

import io.raqib.core.text.TextFields;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Lucene classic query syntax as watches speak it: default field {@code text}, AND/OR/NOT, phrases, proximity,
 * prefixes; no fuzzy terms, other wildcards, regular expressions or ranges. Keyword fields are matched exactly, with
 * two conveniences: {@code lang:AR} means {@code lang:ar}, and {@code topic:11000000} means the IPTC id
 * {@code medtop:11000000} (the colon inside an id would otherwise need quoting). Unknown field names are refused
 * rather than silently matching nothing.
 */
final class WatchSyntax extends QueryParser {

    private static final String IPTC_PREFIX = "medtop:";

    WatchSyntax(Analyzer analyzer) {
        super(TextFields.TEXT, analyzer);
        setAllowLeadingWildcard(false);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        return super.getFieldQuery(field, exact(requireKnown(field), queryText), quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        return super.getFieldQuery(requireKnown(field), queryText, slop);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return super.getPrefixQuery(requireKnown(field), termStr);
    }

    // QueryPrecheck refuses the syntax below first, with its column; these keep Lucene from building it anyway.

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        throw new ParseException(QueryPrecheck.WILDCARD);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        throw new ParseException(QueryPrecheck.FUZZY);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException(QueryPrecheck.REGEXP);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        throw new ParseException(QueryPrecheck.RANGE);
    }

    private static String requireKnown(String field) throws ParseException {
        if (!TextFields.TEXT.equals(field) && !TextFields.TITLE.equals(field)
                && !TextFields.KEYWORD_FIELDS.contains(field)) {
            throw new ParseException("unknown field '" + field + "' (fields: text, title, entity, topic, lang, "
                    + "source)");
        }
        return field;
    }

    private static String exact(String field, String value) {
        if (TextFields.LANG.equals(field)) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (TextFields.TOPIC.equals(field) && !value.contains(":")) {
            return IPTC_PREFIX + value;
        }
        return value;
    }
}
