package io.raqib.sink.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.kafka.JsonSerde;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import io.raqib.sink.Articles;
import io.raqib.sink.matching.ArticleMatcher;
import io.raqib.sink.matching.HighlightDraft;
import io.raqib.sink.watches.WatchRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An article's matches grouped per partition cross the candidates topic and come back as the same candidates. */
class CandidateBatchTest {

    private static final Serde<CandidateBatch> JSON = new JsonSerde<>(CandidateBatch.class);
    private final WatchRegistry registry = new WatchRegistry();
    private final ArticleMatcher matcher = new ArticleMatcher(registry,
            new AlertFactory(Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC)));

    @AfterEach
    void close() throws Exception {
        registry.close();
    }

    @Test
    void batchesCarryEveryCandidateOnceToItsWatchsPartition() {
        registry.putAll(IntStream.range(0, 40).mapToObj(i -> new Watch("w" + i, "watch " + i,
                i % 2 == 0 ? "\"security council\"" : "2254 OR resolution", i % 3 == 0 ? "desk-a" : null, null,
                List.of(), i % 4 == 0 ? Duration.ofHours(1) : null, null)).toList());
        EnrichedArticle article = Articles.of("a1", "en", "Security Council vote",
                "Diplomats said the UN Security Council passed resolution 2254 on Friday.");
        List<AlertCandidate> candidates = matcher.candidatesFor(article);

        List<CandidateBatch> batches = CandidateBatch.of(candidates, 3);

        assertThat(batches).hasSizeLessThanOrEqualTo(3).allSatisfy(b -> assertThat(b.matches())
                .allSatisfy(m -> assertThat(CandidateBatch.partitionOf(m.watchId(), 3)).isEqualTo(b.partition())));
        List<AlertCandidate> back = new ArrayList<>();
        for (CandidateBatch b : batches) {
            CandidateBatch read = JSON.deserializer().deserialize("t", JSON.serializer().serialize("t", b));
            back.addAll(read.candidates());
        }
        assertThat(back).extracting(CandidateBatchTest::withoutDrafts).hasSize(40)
                .containsExactlyInAnyOrderElementsOf(candidates.stream().map(CandidateBatchTest::withoutDrafts).toList());
        assertThat(back.stream().map(c -> c.highlighted().alert()).toList())
                .containsExactlyInAnyOrderElementsOf(candidates.stream().map(c -> c.highlighted().alert()).toList());
    }

    @Test
    void aDraftSharedByTheMatchesOfABatchIsCutOnce() {
        registry.putAll(List.of(new Watch("a", "a", "\"security council\"", null, null, List.of(), null, null),
                new Watch("b", "b", "\"security council\" OR 2254", null, null, List.of(), null, null)));
        List<AlertCandidate> candidates = matcher.candidatesFor(Articles.of("a2", "en", "Vote",
                "The council met. The UN Security Council passed resolution 2254."));
        CandidateBatch batch = JSON.deserializer().deserialize("t", JSON.serializer().serialize("t",
                CandidateBatch.of(candidates, 1).get(0)));
        Map<HighlightDraft, Highlight> cut = new IdentityHashMap<>();

        List<List<Highlight>> finished = batch.candidates().stream()
                .map(c -> c.highlighted(cut).alert().data().highlights()).toList();

        assertThat(batch.drafts()).hasSizeLessThan(candidates.stream().mapToInt(c -> c.drafts().size()).sum());
        assertThat(cut).hasSameSizeAs(batch.drafts());
        assertThat(finished.get(0)).anySatisfy(h -> assertThat(finished.get(1)).anySatisfy(o -> assertThat(o)
                .isSameAs(h)));
    }

    @Test
    void aBatchCarriesEachStretchOfTextOnceAndItsDraftsCutTheSameFragments() {
        registry.putAll(IntStream.range(0, 12).mapToObj(i -> new Watch("w" + i, "watch " + i,
                List.of("council", "resolution", "vote", "\"security council\"").get(i % 4), null, null, List.of(),
                null, null)).toList());
        List<AlertCandidate> candidates = matcher.candidatesFor(Articles.of("a3", "en", "Council vote on resolution",
                "The council met at dawn. The vote on the resolution was delayed; the council chair said the vote "
                        + "would come after the resolution text was agreed by the Security Council members."));
        List<HighlightDraft> windows = candidates.stream().flatMap(c -> c.drafts().stream()).distinct().toList();

        CandidateBatch batch = CandidateBatch.of(candidates, 1).get(0);
        CandidateBatch read = JSON.deserializer().deserialize("t", JSON.serializer().serialize("t", batch));

        assertThat(read.drafts()).allSatisfy(d -> assertThat(d.window()).isNull());
        assertThat(read.texts().stream().mapToInt(p -> p.text().length()).sum())
                .isLessThan(windows.stream().mapToInt(d -> d.window().length()).sum());
        assertThat(read.candidates().stream().map(c -> c.highlighted().alert()).toList())
                .containsExactlyElementsOf(candidates.stream().map(c -> c.highlighted().alert()).toList());
    }

    @Test
    void aBatchOfAnEarlierVersionWithWindowsInItsDraftsStillGivesItsCandidates() {
        registry.putAll(List.of(new Watch("a", "a", "council", null, null, List.of(), null, null)));
        List<AlertCandidate> candidates = matcher.candidatesFor(Articles.of("a4", "en", "Vote", "The council met."));
        CandidateBatch current = CandidateBatch.of(candidates, 1).get(0);
        CandidateBatch earlier = new CandidateBatch(current.partition(), current.articleId(), current.story(),
                current.alert(), candidates.get(0).drafts(), current.matches(), null, null);

        CandidateBatch read = JSON.deserializer().deserialize("t", JSON.serializer().serialize("t", earlier));

        assertThat(read.candidates()).containsExactlyElementsOf(candidates);
    }

    @Test
    void aWatchGoesWhereTheDefaultPartitionerSendsItsIdAsAKey() {
        for (String id : List.of("w1", "watch-with-a-long-name", "رصد")) {
            byte[] key = id.getBytes(StandardCharsets.UTF_8);
            assertThat(CandidateBatch.partitionOf(id, 6)).isEqualTo(
                    BuiltInPartitioner.partitionForKey(key, 6));
        }
    }

    /** A candidate without its drafts, whose windows a batch carries another way. */
    private static List<Object> withoutDrafts(AlertCandidate c) {
        return List.of(String.valueOf(c.watchId()), String.valueOf(c.desk()), String.valueOf(c.throttle()),
                c.articleId(), c.story(), c.alert());
    }
}
