package io.raqib.enrich;

import io.raqib.core.config.EnrichSettings;
import io.raqib.core.model.Article;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.text.CleanBodyAlignment;
import io.raqib.core.text.DisguiseCharFilter;
import io.raqib.enrich.entity.EntityTagger;
import io.raqib.enrich.entity.Gazetteer;
import io.raqib.enrich.story.NearDuplicateDetector;
import io.raqib.enrich.story.StorySignature;
import io.raqib.enrich.text.AnalyzedText;
import io.raqib.enrich.topic.TopicClassifier;
import io.raqib.enrich.topic.TopicTaxonomy;

/**
 * Turns a raw article into an enriched one: boilerplate removed, language detected on the de-disguised text,
 * entities and topics tagged on the analyzed title and clean body, near-duplicate signatures computed. The
 * duplicate/story verdict needs state and is added by the topology ({@link EnrichTopology}) or
 * {@link OfflineEnricher}. Thread-safe; load once (the language model and gazetteer take a moment).
 */
public final class ArticleEnricher {

    private final LanguageDetector languages;
    private final BoilerplateRemover boilerplate;
    private final EntityTagger entities;
    private final TopicClassifier topics;
    private final NearDuplicateDetector stories;
    private final EnrichSettings settings;

    /** An enricher with the bundled data plus the operator's files named in {@code settings}. */
    public ArticleEnricher(LanguageDetector languages, EnrichSettings settings) {
        this.languages = languages;
        this.settings = settings;
        this.boilerplate = BoilerplateRemover.load(settings.boilerplateDir());
        this.entities = new EntityTagger(Gazetteer.load(settings.gazetteerDir()));
        this.topics = new TopicClassifier(TopicTaxonomy.load(), settings.topicRulesDir());
        this.stories = new NearDuplicateDetector(settings.window(), settings.duplicateThreshold(),
                settings.storyThreshold());
    }

    /**
     * An article enriched but not yet compared with earlier ones.
     *
     * @param article   the enriched article; {@code storyId} is its own id, {@code duplicateOf} null
     * @param signature what near-duplicate detection needs
     */
    public record Analysis(EnrichedArticle article, StorySignature signature) {
    }

    /** Enriches one article without a duplicate/story verdict (its story is itself). */
    public EnrichedArticle enrich(Article article) {
        return analyze(article).article();
    }

    /** Enriches one article and computes its near-duplicate signatures. */
    public Analysis analyze(Article article) {
        if (article.id() == null || article.id().isBlank()) {
            throw new IllegalArgumentException("article has no id");
        }
        String title = article.title() == null ? "" : article.title();
        String body = article.body() == null ? "" : article.body();
        String cleanBody = boilerplate.remove(title, body);
        LanguageDetector.Detection detection = languages.detect(DisguiseCharFilter.strip(title + "\n" + cleanBody));
        boolean useHint = detection.confidence() < 0.5 && article.language() != null && !article.language().isBlank();
        String language = useHint ? article.language() : detection.language();
        AnalyzedText.Both titleWords = AnalyzedText.both(title);
        AnalyzedText.Both bodyWords = AnalyzedText.both(cleanBody);
        AnalyzedText analyzedTitle = titleWords.stemmed();
        AnalyzedText analyzedBody = bodyWords.stemmed();
        CleanBodyAlignment alignment = cleanBody.isEmpty() ? null : new CleanBodyAlignment(body, cleanBody);
        EnrichedArticle enriched = EnrichedArticle.of(article, language, cleanBody,
                entities.tag(title, body, titleWords.names(), bodyWords.names(), cleanBody,
                        offset -> alignment == null ? offset : alignment.toBody(offset), language),
                topics.classify(analyzedTitle, analyzedBody, language), null, article.id())
                .withLanguageConfidence(useHint ? null : Math.round(detection.confidence() * 1000) / 1000.0);
        return new Analysis(enriched, stories.signature(analyzedTitle, analyzedBody, cleanBody));
    }

    /** The near-duplicate and story detector, configured from the settings. */
    public NearDuplicateDetector detector() {
        return stories;
    }

    /** The settings this enricher was built with. */
    public EnrichSettings settings() {
        return settings;
    }
}
