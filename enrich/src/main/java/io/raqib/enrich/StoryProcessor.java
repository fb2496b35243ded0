package io.raqib.enrich;

import io.raqib.enrich.story.NearDuplicateDetector;
import io.raqib.enrich.story.SeenArticle;
import io.raqib.enrich.story.WindowSignatureStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The stateful, one-partition step of enrich: decides duplicate/story for each article's signatures against the
 * window stores and sends the verdict back towards the article's raw partition. The record timestamp is the
 * article's time, so a replay decides as the first run did.
 */
final class StoryProcessor implements Processor<String, StoryRequest, String, StoryVerdict> {

    private final NearDuplicateDetector detector;
    private ProcessorContext<String, StoryVerdict> context;
    private WindowSignatureStore store;

    StoryProcessor(NearDuplicateDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(ProcessorContext<String, StoryVerdict> context) {
        this.context = context;
        WindowStore<String, String> bands = context.getStateStore(WindowSignatureStore.BANDS);
        WindowStore<String, SeenArticle> articles = context.getStateStore(WindowSignatureStore.ARTICLES);
        store = new WindowSignatureStore(bands, articles);
    }

    @Override
    public void process(Record<String, StoryRequest> record) {
        StoryRequest request = record.value();
        NearDuplicateDetector.Verdict verdict =
                detector.assess(request.articleId(), request.signature(), record.timestamp(), store);
        context.forward(record.withValue(new StoryVerdict(request.articleId(), request.partition(), request.offset(),
                verdict.duplicateOf(), verdict.storyId(), verdict.newText())));
    }
}
