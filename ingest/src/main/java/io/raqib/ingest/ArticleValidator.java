package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.nio.charset.StandardCharsets;

/** Checks that an article is worth publishing: some text, within the configured size limit. */
public final class ArticleValidator {

    private final int maxBytes;

    public ArticleValidator(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Returns why the article is rejected, or null when it is valid. */
    public String problem(Article article) {
        if (isBlank(article.title()) && isBlank(article.body())) {
            return "article has neither title nor body";
        }
        long size = bytes(article.title()) + bytes(article.body()) + bytes(article.html());
        if (size > maxBytes) {
            return "article is " + size + " bytes, over the limit of " + maxBytes
                    + " (raqib.max.article.bytes)";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static long bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
