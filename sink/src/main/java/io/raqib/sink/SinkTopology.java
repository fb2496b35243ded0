package io.raqib.sink;

import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The sink topology: {@code raqib.articles.enriched} → match against every watch → one alert per
 * (watch, article) on {@code raqib.alerts}, key = watch id, as a structured-mode CloudEvent.
 */
public final class SinkTopology {

    /** Content type header of structured-mode CloudEvents in the Kafka protocol binding. */
    public static final String CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private SinkTopology() {
    }

    /** Adds the sink stage to {@code builder}. */
    public static void build(StreamsBuilder builder, ArticleMatcher matcher) {
        builder.stream(Topics.ARTICLES_ENRICHED.name(),
                        Consumed.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())
                                .withName("read-enriched-articles"))
                .process(() -> new MatchProcessor(matcher), Named.as("match-watches"))
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                        .withName("write-alerts"));
    }

    private static final class MatchProcessor implements Processor<String, EnrichedArticle, String, Alert> {

        private final ArticleMatcher matcher;
        private ProcessorContext<String, Alert> context;

        MatchProcessor(ArticleMatcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public void init(ProcessorContext<String, Alert> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, EnrichedArticle> record) {
            if (record.value() == null) {
                throw new IllegalArgumentException("enriched article record without a value");
            }
            for (Alert alert : matcher.alertsFor(record.value())) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("content-type", CLOUDEVENTS_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                context.forward(new Record<>(alert.subject(), alert, record.timestamp(), headers));
            }
        }
    }
}
