package io.raqib.core.model;

/**
 * The checks every stage applies to an article at its door (ingest before publishing, enrich before analyzing,
 * since records can reach a topic without ingest): an id that is safe to use as a Kafka key, a log field and a
 * URL part, and a size within {@code raqib.max.article.bytes}.
 */
public final class ArticleRules {

    /** Longest article id accepted. */
    public static final int MAX_ID_LENGTH = 200;

    private ArticleRules() {
    }

    /** Why {@code id} is not usable as an article id, or null when it is. */
    public static String idProblem(String id) {
        if (id == null || id.isBlank()) {
            return "article has no id";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "article id is " + id.length() + " characters long, over " + MAX_ID_LENGTH;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                return String.format("article id has a whitespace, control, bidi or invisible character (U+%04X) at "
                        + "%d", (int) c, i);
            }
        }
        return null;
    }

    /** UTF-8 size of the article's text: title + body + html, what {@code raqib.max.article.bytes} limits. */
    public static long textBytes(Article article) {
        return utf8Length(article.title()) + utf8Length(article.body()) + utf8Length(article.html());
    }

    /** UTF-8 length of {@code s} without encoding it (0 for null). */
    public static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
