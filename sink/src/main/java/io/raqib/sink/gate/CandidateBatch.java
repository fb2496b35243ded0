package io.raqib.sink.gate;

import io.raqib.core.model.Alert;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.NewText;
import io.raqib.sink.matching.HighlightDraft;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * The matches of one article whose watches live on one partition of the candidates topic, on their way to the
 * alert gate: what all of them share (the article's alert data, its highlight drafts) once, and per match only
 * what differs. An article matching fifty watches used to cross the topic as fifty whole alerts; now it crosses
 * as one batch per partition, and the gate ({@link #candidates()}) gets back exactly the candidates it had.
 *
 * @param partition the candidates-topic partition of every watch here ({@link #partitionOf})
 * @param alert     the article's alert with the first match's watch fields and no highlights
 * @param drafts    the distinct highlight drafts of the matches, without their windows when {@code texts} holds them
 * @param texts     the drafts' windows merged per field ({@link DraftTexts}); null in batches of earlier versions,
 *                  whose drafts carry their own windows
 * @param newText   how much of the article is new to its story; null when it starts one (and in earlier versions)
 */
public record CandidateBatch(int partition, String articleId, String story, Alert alert, List<HighlightDraft> drafts,
                             List<Match> matches, List<DraftTexts.Piece> texts,
                             @JsonInclude(JsonInclude.Include.NON_NULL) NewText newText) {

    /**
     * One match: its watch (and the watch's {@code mutedUntil}, null when not muted), its alert id, and which of the
     * batch's drafts are its highlights.
     */
    public record Match(String watchId, String watchName, String desk, Duration throttle, String alertId,
                        int[] drafts, @JsonInclude(JsonInclude.Include.NON_NULL) Instant mutedUntil) {
    }

    /**
     * The partition a watch's gate state lives on: the one the producer's default partitioner gives its id as a
     * key, so the candidates reach the task that holds the watch's state as they did one by one.
     */
    public static int partitionOf(String watchId, int partitions) {
        return Utils.toPositive(Utils.murmur2(watchId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The candidates of one article grouped into one batch per partition of {@code partitions}. */
    public static List<CandidateBatch> of(List<AlertCandidate> candidates, int partitions) {
        Map<Integer, List<AlertCandidate>> byPartition = new LinkedHashMap<>();
        candidates.forEach(c -> byPartition.computeIfAbsent(partitionOf(c.watchId(), partitions),
                p -> new ArrayList<>()).add(c));
        List<CandidateBatch> out = new ArrayList<>();
        byPartition.forEach((partition, group) -> out.add(batch(partition, group)));
        return out;
    }

    private static CandidateBatch batch(int partition, List<AlertCandidate> group) {
        Map<HighlightDraft, Integer> index = new IdentityHashMap<>();
        List<HighlightDraft> drafts = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        for (AlertCandidate c : group) {
            List<HighlightDraft> own = c.drafts() == null ? List.of() : c.drafts();
            int[] at = new int[own.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = index.computeIfAbsent(own.get(i), d -> {
                    drafts.add(d);
                    return drafts.size() - 1;
                });
            }
            AlertData data = c.alert().data();
            matches.add(new Match(c.watchId(), data.watchName(), c.desk(), c.throttle(), c.alert().id(), at,
                    c.mutedUntil()));
        }
        AlertCandidate first = group.get(0);
        return new CandidateBatch(partition, first.articleId(), first.story(), first.alert(),
                drafts.stream().map(DraftTexts::withoutWindow).toList(), matches, DraftTexts.pieces(drafts),
                first.newText());
    }

    /**
     * The candidates this batch carries, in order, their highlights still drafts (the matches sharing a draft share
     * the one object, so its fragment is cut once).
     */
    public List<AlertCandidate> candidates() {
        List<HighlightDraft> windowed = texts == null ? drafts
                : drafts.stream().map(d -> DraftTexts.withWindow(d, texts)).toList();
        List<AlertCandidate> out = new ArrayList<>(matches.size());
        for (Match m : matches) {
            List<HighlightDraft> own = new ArrayList<>(m.drafts().length);
            for (int i : m.drafts()) {
                own.add(windowed.get(i));
            }
            AlertData shared = alert.data();
            AlertData data = new AlertData(m.watchId(), m.watchName(), articleId, shared.title(), shared.url(),
                    shared.source(), shared.language(), shared.highlights(), shared.entities(), shared.topics())
                    .withStoryId(shared.storyId());
            out.add(new AlertCandidate(m.watchId(), m.desk(), m.throttle(), articleId, story,
                    Alert.of(m.alertId(), alert.time(), data), own, newText, m.mutedUntil()));
        }
        return out;
    }
}
