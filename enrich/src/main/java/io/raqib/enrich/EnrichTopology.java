package io.raqib.enrich;

import io.raqib.core.kafka.JsonSerde;
import io.raqib.core.kafka.Topics;
import io.raqib.enrich.story.WindowSignatureStore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The enrich topology: {@code raqib.articles.raw} → analyze (clean, language, entities, topics, signatures;
 * stateless, runs on every partition in parallel) → one-partition repartition topic → duplicate/story verdict
 * against window stores → {@code raqib.articles.enriched}. The verdict step sees every article, so a copy is
 * found whichever raw partition it and its original landed on; it does only store look-ups, the costly
 * analysis stays parallel.
 */
public final class EnrichTopology {

    /** The key every analyzed article carries on the repartition topic: one partition, one story state. */
    static final String STORY_KEY = "stories";
    private static final String STORY_TOPIC = "stories";

    private EnrichTopology() {
    }

    /**
     * The internal topic between the two sub-topologies, for progress checks: an article is only fully enriched
     * once the enrich application has consumed this topic too.
     *
     * @param streamsApplicationId the enrich Streams {@code application.id} ({@code raqib-enrich})
     */
    public static String storyTopic(String streamsApplicationId) {
        return streamsApplicationId + "-" + STORY_TOPIC + "-repartition";
    }

    /**
     * Adds the enrich stage to {@code builder}. Unreadable records and records whose enrichment throws go to
     * {@code raqib.dlq} through the handlers set in {@link io.raqib.core.kafka.StreamsProperties}.
     */
    public static void build(StreamsBuilder builder, ArticleEnricher enricher) {
        builder.addStateStore(WindowSignatureStore.bandStore(enricher.settings().window()));
        builder.addStateStore(WindowSignatureStore.articleStore(enricher.settings().window()));
        builder.stream(Topics.ARTICLES_RAW.name(),
                        Consumed.with(Topics.ARTICLES_RAW.keySerde(), Topics.ARTICLES_RAW.valueSerde())
                                .withName("read-raw-articles"))
                .mapValues(enricher::analyze, Named.as("enrich"))
                .selectKey((id, analysis) -> STORY_KEY, Named.as("key-by-story-state"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(ArticleEnricher.Analysis.class))
                        .withName(STORY_TOPIC).withNumberOfPartitions(1))
                .process(() -> new StoryProcessor(enricher.detector()), Named.as("dedup-and-story"),
                        WindowSignatureStore.BANDS, WindowSignatureStore.ARTICLES)
                .to(Topics.ARTICLES_ENRICHED.name(),
                        Produced.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())
                                .withName("write-enriched-articles"));
    }
}
