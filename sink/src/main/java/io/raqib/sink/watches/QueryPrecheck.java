package io.raqib.sink.watches;

import io.raqib.core.config.WatchLimits;

/**
 * What a query's text must pass before Lucene's recursive parser sees it, in one pass that skips quoted phrases:
 * parentheses nested at most {@link WatchLimits#maxDepth()} deep (so 10,000 {@code (} never recurse), and only the
 * syntax the README documents: a wildcard only as a trailing {@code *} after {@link WatchLimits#minPrefixChars()}
 * characters, {@code ~} only as the proximity of a quoted phrase, no regular expressions, no ranges. A refusal
 * carries the 1-based column. The lexical rules follow Lucene's classic query grammar ({@code \} escapes one
 * character anywhere; {@code +} and {@code -} continue a word but start none).
 */
final class QueryPrecheck {

    static final String RANGE = "range queries are not supported";
    static final String REGEXP = "regular expressions (/…/) are not supported";
    static final String FUZZY = "fuzzy matching ('~' after a word) is not supported; '~N' after a quoted phrase "
            + "sets its proximity";
    static final String WILDCARD = "wildcards are only supported as a trailing '*' (a prefix such as elect*)";
    /** Characters that end a word in Lucene's classic syntax besides whitespace. */
    private static final String WORD_ENDS = "()\":^[]{}~!/";

    private final WatchLimits limits;

    QueryPrecheck(WatchLimits limits) {
        this.limits = limits;
    }

    /** Throws {@link InvalidWatchException} (field {@code query}, with the column) for a query out of bounds. */
    void check(String watchId, String query) {
        int depth = 0;
        int word = 0;
        boolean afterPhrase = false;
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '"') {
                int end = closingQuote(query, i + 1);
                if (end < 0) {
                    return;
                }
                i = end + 1;
                word = 0;
                afterPhrase = true;
                continue;
            }
            if (whitespace(c)) {
                word = 0;
                i++;
                continue;
            }
            boolean phraseBefore = afterPhrase;
            afterPhrase = false;
            switch (c) {
                case '\\' -> {
                    if (i + 1 == query.length()) {
                        return;
                    }
                    word++;
                    i += Character.charCount(query.codePointAt(i + 1));
                }
                case '(' -> {
                    word = 0;
                    if (++depth > limits.maxDepth()) {
                        throw refused(watchId, i, "parentheses nested deeper than " + limits.maxDepth());
                    }
                }
                case ')' -> {
                    word = 0;
                    depth = Math.max(0, depth - 1);
                }
                case '[', '{' -> throw refused(watchId, i, RANGE);
                case '/' -> throw refused(watchId, i, REGEXP);
                case '?' -> throw refused(watchId, i, WILDCARD);
                case '~' -> {
                    if (!phraseBefore) {
                        throw refused(watchId, i, FUZZY);
                    }
                    word = 0;
                }
                case '*' -> {
                    prefix(watchId, query, i, word);
                    word = 0;
                }
                case '+', '-' -> word += word > 0 ? 1 : 0;
                case ':', '^', '!', ']', '}' -> word = 0;
                default -> word += Character.isLowSurrogate(c) ? 0 : 1;
            }
            i++;
        }
    }

    private void prefix(String watchId, String query, int star, int word) {
        boolean trailing = star + 1 == query.length() || whitespace(query.charAt(star + 1))
                || WORD_ENDS.indexOf(query.charAt(star + 1)) >= 0;
        if (word == 0 || !trailing) {
            throw refused(watchId, star, WILDCARD);
        }
        if (word < limits.minPrefixChars()) {
            throw refused(watchId, star, "a prefix needs at least " + limits.minPrefixChars()
                    + " characters before '*'");
        }
    }

    /** Index of the quote closing a phrase opened before {@code from}, or -1 when it is never closed. */
    private static int closingQuote(String query, int from) {
        for (int i = from; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** Whitespace as Lucene's classic grammar knows it (other spaces are part of a word there). */
    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
    }

    private static InvalidWatchException refused(String watchId, int index, String reason) {
        return new InvalidWatchException(watchId, "query", index + 1, "invalid query: " + reason, null);
    }
}
