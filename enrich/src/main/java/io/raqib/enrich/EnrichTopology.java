package io.raqib.enrich;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RecordLimits;
import io.raqib.core.kafka.JsonSerde;
import io.raqib.core.kafka.Topics;
import io.raqib.core.metrics.PipelineMeters;
import io.raqib.enrich.story.WindowSignatureStore;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The enrich topology. On every raw partition in parallel: {@code raqib.articles.raw} → refuse what does not fit,
 * analyze (clean, language, entities, topics, signatures), hold the analyzed article in a per-partition store →
 * only the article's id and signatures go through a one-partition topic to the duplicate/story verdict (which
 * must see every article, whichever raw partition it came from) → the verdict goes back to the article's raw
 * partition, where the held article is released with it to {@code raqib.articles.enriched}. The narrow path
 * carries a few hundred bytes per article, whatever the article's size.
 */
public final class EnrichTopology {

    private static final String STORY_TOPIC = "stories";
    private static final String VERDICT_TOPIC = "story-verdicts";

    private EnrichTopology() {
    }

    /**
     * The internal topic carrying articles' signatures to the story verdict, for progress checks: an article is
     * only fully enriched once the enrich application has consumed this topic and {@link #verdictTopic} too.
     *
     * @param streamsApplicationId the enrich Streams {@code application.id} ({@code raqib-enrich})
     */
    public static String storyTopic(String streamsApplicationId) {
        return streamsApplicationId + "-" + STORY_TOPIC + "-repartition";
    }

    /** The internal topic carrying verdicts back to the articles' raw partitions. */
    public static String verdictTopic(String streamsApplicationId) {
        return streamsApplicationId + "-" + VERDICT_TOPIC + "-repartition";
    }

    /**
     * Adds the enrich stage to {@code builder}. Unreadable records and records that are refused or whose
     * enrichment throws go to {@code raqib.dlq} through the handlers set in
     * {@link io.raqib.core.kafka.StreamsProperties}.
     *
     * @param rawPartitions partitions of {@code raqib.articles.raw}: verdicts return to the partition, and so the
     *                      task, that holds their article
     */
    public static void build(StreamsBuilder builder, ArticleEnricher enricher, RecordLimits limits,
                             int rawPartitions) {
        build(builder, enricher, limits, rawPartitions, new SimpleMeterRegistry());
    }

    /** {@link #build(StreamsBuilder, ArticleEnricher, RecordLimits, int)}, counting written articles in metrics. */
    public static void build(StreamsBuilder builder, ArticleEnricher enricher, RecordLimits limits,
                             int rawPartitions, MeterRegistry metrics) {
        Counter written = PipelineMeters.stageRecords(metrics, "enrich");
        builder.addStateStore(PendingArticles.store(limits.maxRecordBytes()));
        builder.addStateStore(WindowSignatureStore.bandStore(enricher.settings().window()));
        builder.addStateStore(WindowSignatureStore.articleStore(enricher.settings().window()));
        builder.stream(Topics.ARTICLES_RAW.name(),
                        Consumed.with(Topics.ARTICLES_RAW.keySerde(), Topics.ARTICLES_RAW.valueSerde())
                                .withName("read-raw-articles"))
                .process(() -> new AnalyzeProcessor(enricher, limits), Named.as("analyze-and-hold"),
                        PendingArticles.STORE)
                .repartition(Repartitioned.with(Serdes.String(), StoryRequest.serde())
                        .withName(STORY_TOPIC).withNumberOfPartitions(1))
                .process(() -> new StoryProcessor(enricher.detector()), Named.as("dedup-and-story"),
                        WindowSignatureStore.BANDS, WindowSignatureStore.ARTICLES)
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(StoryVerdict.class))
                        .withName(VERDICT_TOPIC).withNumberOfPartitions(rawPartitions)
                        .withStreamPartitioner((topic, id, verdict, partitions) ->
                                Optional.of(Set.of(verdict.partition()))))
                .process(ReleaseProcessor::new, Named.as("release-with-verdict"), PendingArticles.STORE)
                .peek((id, article) -> written.increment(), Named.as("count-enriched-articles"))
                .to(Topics.ARTICLES_ENRICHED.name(),
                        Produced.with(Topics.ARTICLES_ENRICHED.keySerde(), Serdes.ByteArray())
                                .withName("write-enriched-articles"));
    }
}
