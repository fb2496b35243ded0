package io.raqib.enrich;

import io.raqib.core.kafka.Topics;
import io.raqib.core.model.EnrichedArticle;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The last step of enrich, back on the article's raw partition: takes the analyzed article the verdict refers to
 * out of {@link PendingArticles} and forwards its JSON with its duplicate/story verdict ({@link VerdictSplice}),
 * keyed by article id.
 */
final class ReleaseProcessor implements Processor<String, StoryVerdict, String, byte[]> {

    private static final Serde<EnrichedArticle> JSON = Topics.ARTICLES_ENRICHED.valueSerde();
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> pending;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.pending = context.getStateStore(PendingArticles.STORE);
    }

    @Override
    public void process(Record<String, StoryVerdict> record) {
        StoryVerdict verdict = record.value();
        String key = PendingArticles.key(verdict.partition(), verdict.offset());
        byte[] held = pending.delete(key);
        if (held == null) {
            throw new IllegalStateException("no analyzed article waits at raw partition " + verdict.partition()
                    + ", offset " + verdict.offset() + " for the verdict on " + verdict.articleId());
        }
        byte[] released = VerdictSplice.withVerdict(held, verdict.duplicateOf(), verdict.storyId(),
                verdict.newText());
        if (released == null) {
            String topic = Topics.ARTICLES_ENRICHED.name();
            EnrichedArticle article = JSON.deserializer().deserialize(topic, held);
            released = JSON.serializer().serialize(topic, article.withStory(verdict.duplicateOf(), verdict.storyId(),
                    verdict.newText()));
        }
        context.forward(record.withKey(verdict.articleId()).withValue(released));
    }
}
