package io.raqib.enrich;

import io.raqib.core.config.RecordLimits;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.core.model.ArticleRules;
import io.raqib.core.model.EnrichedArticle;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The parallel step of enrich, on every raw partition: refuses what does not fit (no usable id, over the size
 * limits), analyzes the article, holds the analyzed article in {@link PendingArticles} and sends only its
 * {@link StoryRequest} on to the one-partition story step. A refusal or a failure throws, so the raw record goes
 * to the DLQ with the reason (the topology's processing handler) and the next record is processed.
 */
final class AnalyzeProcessor implements Processor<String, Article, String, StoryRequest> {

    /** Room kept below the record limit for the verdict fields and the record's own overhead. */
    static final int HEADROOM_BYTES = 16 * 1024;
    private static final Serializer<EnrichedArticle> JSON = Topics.ARTICLES_ENRICHED.valueSerde().serializer();
    private final ArticleEnricher enricher;
    private final RecordLimits limits;
    private ProcessorContext<String, StoryRequest> context;
    private KeyValueStore<String, byte[]> pending;

    AnalyzeProcessor(ArticleEnricher enricher, RecordLimits limits) {
        this.enricher = enricher;
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, StoryRequest> context) {
        this.context = context;
        this.pending = context.getStateStore(PendingArticles.STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = admit(record.value());
        ArticleEnricher.Analysis analysis = analyze(article);
        byte[] held = JSON.serialize(Topics.ARTICLES_ENRICHED.name(), analysis.article());
        if (held.length > limits.maxRecordBytes() - HEADROOM_BYTES) {
            throw new RefusedArticleException("enriched article " + article.id() + " would be " + held.length
                    + " bytes, over the record limit of " + limits.maxRecordBytes() + " (raqib.max.record.bytes, or the "
                    + "max.message.bytes of " + Topics.ARTICLES_ENRICHED.name() + " when smaller)");
        }
        RecordMetadata source = context.recordMetadata().orElseThrow(
                () -> new IllegalStateException("enrich reads raw articles from a topic, with offsets"));
        pending.put(PendingArticles.key(source.partition(), source.offset()), held);
        context.forward(record.withKey(article.id()).withValue(new StoryRequest(article.id(), source.partition(),
                source.offset(), analysis.signature())));
    }

    private Article admit(Article article) {
        if (article == null) {
            throw new RefusedArticleException("raw record has no value (a tombstone is not an article)");
        }
        String idProblem = ArticleRules.idProblem(article.id());
        if (idProblem != null) {
            throw new RefusedArticleException(idProblem);
        }
        long size = ArticleRules.textBytes(article);
        if (size > limits.maxArticleBytes()) {
            throw new RefusedArticleException("article " + article.id() + " is " + size + " bytes (title + body + "
                    + "html), over the limit of " + limits.maxArticleBytes() + " (raqib.max.article.bytes)");
        }
        return article;
    }

    private ArticleEnricher.Analysis analyze(Article article) {
        try {
            return enricher.analyze(article);
        } catch (StackOverflowError e) {
            // An Error would stop the stream thread; this one only means this article's text is pathological.
            throw new RefusedArticleException("article " + article.id() + " could not be analyzed: the text nests "
                    + "too deeply (stack overflow)");
        }
    }
}
