package io.raqib.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.raqib.core.kafka.JsonSerde;
import io.raqib.core.kafka.Topics;
import io.raqib.core.metrics.PipelineMeters;
import io.raqib.core.model.Alert;
import io.raqib.core.model.ArticleRules;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Highlight;
import io.raqib.sink.delivery.DeskTopics;
import io.raqib.sink.gate.AlertCandidate;
import io.raqib.sink.gate.AlertGate;
import io.raqib.sink.gate.CandidateBatch;
import io.raqib.sink.gate.GateStateSerdes;
import io.raqib.sink.gate.StreamsAlertGateStore;
import io.raqib.sink.matching.ArticleMatcher;
import io.raqib.sink.matching.HighlightDraft;
import io.raqib.sink.watches.WatchRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * The sink topology: {@code raqib.articles.enriched} → match against every watch → repartition by watch id →
 * alert gate (one alert per story, throttle; state stores keyed by watch) → {@code raqib.alerts} and, for a
 * watch with a desk, {@code raqib.alerts.<desk>}; key = watch id, value = structured-mode CloudEvent. The gate's
 * per-watch state of deleted watches is purged every {@link #PURGE_INTERVAL} (wall clock), so the store stays
 * bounded by the live watches; the seen-stories window store expires by itself.
 */
public final class SinkTopology {

    /** Content type header of structured-mode CloudEvents in the Kafka protocol binding. */
    public static final String CLOUDEVENTS_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** How often the gate drops the state of watches that no longer exist. */
    public static final Duration PURGE_INTERVAL = Duration.ofMinutes(5);
    static final String STATES_STORE = "alert-states";
    /** Story → watches that saw it; "alert-stories" held one entry per (watch, story) before. */
    static final String STORIES_STORE = "alert-story-watches";
    private static final String CANDIDATES_NAME = "candidate-batches";
    private static final Serde<CandidateBatch> CANDIDATES = new JsonSerde<>(CandidateBatch.class);
    /** Writes a candidate as its alert event: the desk topics carry exactly what raqib.alerts carries. */
    private static final Serde<AlertCandidate> DESK_ALERTS = Serdes.serdeFrom(
            (String topic, AlertCandidate c) -> Topics.ALERTS.valueSerde().serializer().serialize(topic, c.alert()),
            (String topic, byte[] bytes) -> {
                throw new UnsupportedOperationException("desk alerts are read as Alert, not AlertCandidate");
            });

    private SinkTopology() {
    }

    /** The internal topic carrying matches to the alert gate, for the Streams application {@code applicationId}. */
    public static String candidatesTopic(String applicationId) {
        return applicationId + "-" + CANDIDATES_NAME + "-repartition";
    }

    /**
     * Adds the sink stage to {@code builder}, remembering stories for {@link AlertGate#DEFAULT_STORY_MEMORY}; returns
     * its article and alert streams, for the branches that follow them (digests, volume alerts).
     *
     * @param partitions partitions of the candidate batches topic ({@code raqib.partitions}, as the topics Raqib
     *                   creates): a watch's matches go to the partition, and so the task, that holds its gate state
     */
    public static SinkStreams build(StreamsBuilder builder, ArticleMatcher matcher, MeterRegistry metrics,
                                    int partitions) {
        return build(builder, matcher, metrics, AlertGate.DEFAULT_STORY_MEMORY, partitions);
    }

    /** Adds the sink stage to {@code builder}; each watch remembers a story for {@code storyMemory}. */
    public static SinkStreams build(StreamsBuilder builder, ArticleMatcher matcher, MeterRegistry metrics,
                                    Duration storyMemory, int partitions) {
        // Bounded by the number of watches and read for every match: in memory, restored from its changelog.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STATES_STORE),
                Serdes.String(), GateStateSerdes.alertState()));
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(STORIES_STORE, storyMemory,
                Duration.ofMillis(1), true), Serdes.String(), GateStateSerdes.watchIds()));
        KStream<String, EnrichedArticle> articles = builder.stream(Topics.ARTICLES_ENRICHED.name(),
                Consumed.with(Topics.ARTICLES_ENRICHED.keySerde(), Topics.ARTICLES_ENRICHED.valueSerde())
                        .withName("read-enriched-articles"));
        KStream<String, AlertCandidate> admitted = articles
                .process(() -> new MatchProcessor(matcher, partitions, PipelineMeters.stageRecords(metrics, "sink")),
                        Named.as("match-watches"))
                .repartition(Repartitioned.with(Serdes.String(), CANDIDATES).withName(CANDIDATES_NAME)
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner((topic, key, batch, n) -> Optional.of(Set.of(batch.partition()))))
                .process(() -> new GateProcessor(matcher.registry(), metrics, storyMemory.toMillis()),
                        Named.as("gate-alerts"),
                        STATES_STORE, STORIES_STORE)
                .processValues(() -> new AlertMeter(metrics), Named.as("count-alerts"));
        KStream<String, Alert> alerts = admitted.mapValues(AlertCandidate::alert, Named.as("alert-event"));
        alerts.to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                .withName("write-alerts"));
        admitted.filter((watchId, c) -> c.desk() != null, Named.as("with-desk"))
                .to((watchId, c, context) -> DeskTopics.topicOf(c.desk()),
                        Produced.with(Serdes.String(), DESK_ALERTS).withName("write-desk-alerts"));
        return new SinkStreams(articles, alerts);
    }

    private static final class MatchProcessor implements Processor<String, EnrichedArticle, String, CandidateBatch> {

        private final ArticleMatcher matcher;
        private final int partitions;
        private final Counter matched;
        private ProcessorContext<String, CandidateBatch> context;

        MatchProcessor(ArticleMatcher matcher, int partitions, Counter matched) {
            this.matcher = matcher;
            this.partitions = partitions;
            this.matched = matched;
        }

        @Override
        public void init(ProcessorContext<String, CandidateBatch> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, EnrichedArticle> record) {
            if (record.value() == null) {
                throw new IllegalArgumentException("enriched article record without a value");
            }
            // Records can reach the topic without enrich: an alert must name an article that can be looked up.
            String idProblem = ArticleRules.idProblem(record.value().id());
            if (idProblem != null) {
                throw new IllegalArgumentException(idProblem);
            }
            for (CandidateBatch batch : CandidateBatch.of(matcher.candidatesFor(record.value()), partitions)) {
                context.forward(new Record<>(batch.articleId(), batch, record.timestamp()));
            }
            matched.increment();
        }
    }

    /**
     * Counts each alert leaving the gate ({@code raqib.alerts.sent} by desk) and times it from its article's ingest:
     * the record timestamp, which ingest's producer set when it published the article and every stage kept.
     */
    private static final class AlertMeter implements FixedKeyProcessor<String, AlertCandidate, AlertCandidate> {

        private final MeterRegistry metrics;
        private final Timer latency;
        /** Per desk (null key: no desk): looked up for every alert, so not through the registry each time. */
        private final Map<String, Counter> sent = new HashMap<>();
        private FixedKeyProcessorContext<String, AlertCandidate> context;

        AlertMeter(MeterRegistry metrics) {
            this.metrics = metrics;
            this.latency = PipelineMeters.alertLatency(metrics);
        }

        @Override
        public void init(FixedKeyProcessorContext<String, AlertCandidate> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, AlertCandidate> record) {
            sent.computeIfAbsent(record.value().desk(), desk -> PipelineMeters.alertsSent(metrics, desk)).increment();
            latency.record(Math.max(0, System.currentTimeMillis() - record.timestamp()), TimeUnit.MILLISECONDS);
            context.forward(record);
        }
    }

    private static final class GateProcessor implements Processor<String, CandidateBatch, String, AlertCandidate> {

        private final WatchRegistry registry;
        private final MeterRegistry metrics;
        private final long storyMemoryMs;
        private ProcessorContext<String, AlertCandidate> context;
        private AlertGate gate;

        GateProcessor(WatchRegistry registry, MeterRegistry metrics, long storyMemoryMs) {
            this.registry = registry;
            this.metrics = metrics;
            this.storyMemoryMs = storyMemoryMs;
        }

        @Override
        public void init(ProcessorContext<String, AlertCandidate> context) {
            this.context = context;
            StreamsAlertGateStore store = new StreamsAlertGateStore(context.getStateStore(STATES_STORE),
                    context.getStateStore(STORIES_STORE), storyMemoryMs);
            gate = new AlertGate(store, metrics);
            // The sink starts only once the stored watches are loaded, so "not in the registry" means deleted.
            context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME,
                    now -> store.retainWatches(id -> registry.get(id) != null));
        }

        @Override
        public void process(Record<String, CandidateBatch> record) {
            Map<HighlightDraft, Highlight> cut = new IdentityHashMap<>();
            for (AlertCandidate admitted : gate.admit(record.value().candidates(),
                    Instant.ofEpochMilli(record.timestamp()))) {
                AlertCandidate c = admitted.highlighted(cut);
                RecordHeaders headers = new RecordHeaders();
                headers.add("content-type", CLOUDEVENTS_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                context.forward(new Record<>(c.watchId(), c, record.timestamp(), headers));
            }
        }
    }
}
