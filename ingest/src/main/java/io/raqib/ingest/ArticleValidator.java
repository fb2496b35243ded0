package io.raqib.ingest;

import io.raqib.core.model.Article;
import io.raqib.core.model.ArticleRules;
import io.raqib.ingest.feed.Links;

/**
 * Checks that an article is worth publishing: some text, an http(s) link if any, an id (when the source gave one)
 * usable as a Kafka key, within the size limit — the same door rules as enrich's ({@link ArticleRules}).
 */
public final class ArticleValidator {

    /** Why an article is refused: the field at fault, a sentence, and a short code for metrics. */
    public record Problem(String field, String reason, String code) {
    }

    private final int maxBytes;

    public ArticleValidator(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Returns why the article is rejected, or null when it is valid. */
    public String problem(Article article) {
        Problem p = check(article);
        return p == null ? null : p.reason();
    }

    /** Returns the problem with the article (naming the field), or null when it is valid. */
    public Problem check(Article article) {
        if (isBlank(article.title()) && isBlank(article.body())) {
            return new Problem("body", "article has neither title nor body", "empty");
        }
        if (article.url() != null && !article.url().isBlank() && !Links.isHttp(article.url())) {
            return new Problem("url", "url must be an http or https address, got '" + abbreviate(article.url()) + "'",
                    "bad-url");
        }
        String idProblem = isBlank(article.id()) ? null : ArticleRules.idProblem(article.id());
        if (idProblem != null) {
            return new Problem("id", idProblem, "bad-id");
        }
        long size = ArticleRules.textBytes(article);
        if (size > maxBytes) {
            return new Problem("body", "article is " + size + " bytes, over the limit of " + maxBytes
                    + " (raqib.max.article.bytes)", "too-large");
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
