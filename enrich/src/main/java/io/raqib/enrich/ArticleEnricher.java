package io.raqib.enrich;

import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.text.DisguiseCharFilter;
import java.util.List;

/**
 * Turns a raw article into an enriched one: boilerplate removed, language detected on the de-disguised text.
 * Pure and thread-safe; used by the enrich topology and by the offline commands alike.
 */
public final class ArticleEnricher {

    private final LanguageDetector languages;

    public ArticleEnricher(LanguageDetector languages) {
        this.languages = languages;
    }

    /** Enriches one article. */
    public EnrichedArticle enrich(Article article) {
        if (article.id() == null || article.id().isBlank()) {
            throw new IllegalArgumentException("article has no id");
        }
        String title = article.title() == null ? "" : article.title();
        String cleanBody = BoilerplateRemover.clean(title, article.body());
        LanguageDetector.Detection detection = languages.detect(DisguiseCharFilter.strip(title + "\n" + cleanBody));
        String language = detection.confidence() < 0.5 && article.language() != null && !article.language().isBlank()
                ? article.language() : detection.language();
        return EnrichedArticle.of(article, language, cleanBody, List.of(), List.of(), null, article.id());
    }
}
