package io.raqib.enrich;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.enrich.story.NearDuplicateDetector;
import io.raqib.enrich.story.SeenArticle;
import io.raqib.enrich.story.WindowSignatureStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The stateful step of enrich: decides duplicate/story on each analyzed article against the window stores and
 * forwards the enriched article keyed by its id. The record timestamp is the article's time, so a replay
 * decides as the first run did.
 */
final class StoryProcessor implements Processor<String, ArticleEnricher.Analysis, String, EnrichedArticle> {

    private final NearDuplicateDetector detector;
    private ProcessorContext<String, EnrichedArticle> context;
    private WindowSignatureStore store;

    StoryProcessor(NearDuplicateDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        this.context = context;
        WindowStore<String, String> bands = context.getStateStore(WindowSignatureStore.BANDS);
        WindowStore<String, SeenArticle> articles = context.getStateStore(WindowSignatureStore.ARTICLES);
        store = new WindowSignatureStore(bands, articles);
    }

    @Override
    public void process(Record<String, ArticleEnricher.Analysis> record) {
        EnrichedArticle article = record.value().article();
        NearDuplicateDetector.Verdict verdict =
                detector.assess(article.id(), record.value().signature(), record.timestamp(), store);
        context.forward(record.withKey(article.id()).withValue(article.withStory(verdict.duplicateOf(),
                verdict.storyId())));
    }
}
