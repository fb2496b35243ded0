package io.raqib.enrich;

import io.raqib.core.kafka.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** The enrich topology: {@code raqib.articles.raw} → enrich → {@code raqib.articles.enriched}. */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    /**
     * Adds the enrich stage to {@code builder}. Unreadable records and records whose enrichment throws go to
     * {@code raqib.dlq} through the handlers set in {@link io.raqib.core.kafka.StreamsProperties}.
     */
    public static void build(StreamsBuilder builder, ArticleEnricher enricher) {
        builder.stream(Topics.ARTICLES_RAW.name(),
                        Consumed.with(Topics.ARTICLES_RAW.keySerde(), Topics.ARTICLES_RAW.valueSerde())
                                .withName("read-raw-articles"))
                .mapValues(enricher::enrich, org.apache.kafka.streams.kstream.Named.as("enrich"))
                .to(Topics.ARTICLES_ENRICHED.name(),
                        Produced.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())
                                .withName("write-enriched-articles"));
    }
}
