package io.raqib.sink.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.NewText;
import io.raqib.core.model.StoryUpdate;
import io.raqib.core.model.Watch;
import io.raqib.sink.Articles;
import io.raqib.sink.matching.WatchMatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertGateTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final Watch ELECTIONS = new Watch("elections", "Elections", "election", null, null, List.of(),
            null, null);

    private final AlertFactory alerts = new AlertFactory(Clock.fixed(T0, ZoneOffset.UTC));
    private SimpleMeterRegistry metrics;
    private AlertGate gate;

    @BeforeEach
    void setUp() {
        metrics = new SimpleMeterRegistry();
        gate = new AlertGate(new InMemoryAlertGateStore(AlertGate.DEFAULT_STORY_MEMORY), metrics);
    }

    @Test
    void aRewrittenCopyOfTheStoryWithLittleNewTextIsHeldBack() {
        assertThat(admit(article("s1", null, "s1", null), 0)).hasSize(1);

        List<AlertCandidate> copy = admit(article("s2", null, "s1", new NewText(0.18, "s1")), 60);

        assertThat(copy).isEmpty();
        assertThat(sameStoryHeld()).isEqualTo(1);
    }

    @Test
    void anArticleAddingEnoughNewTextAlertsAgainAndSaysWhy() {
        admit(article("s1", null, "s1", null), 0);
        admit(article("s2", "s1", "s1", new NewText(0.05, "s1")), 60);

        List<AlertCandidate> update = admit(article("s3", null, "s1", new NewText(0.52, "s2")), 120);

        assertThat(update).hasSize(1);
        assertThat(update.get(0).alert().data().storyUpdate()).isEqualTo(new StoryUpdate("s1", 0.52, "s2"));
        assertThat(update.get(0).alert().data().suppressedSince()).isEqualTo(1);
        assertThat(metrics.counter("raqib.sink.alerts.story.updates").count()).isEqualTo(1);
    }

    @Test
    void justUnderTheThresholdIsHeldJustOverAlerts() {
        admit(article("s1", null, "s1", null), 0);

        assertThat(admit(article("s2", null, "s1", new NewText(AlertGate.NEW_TEXT_THRESHOLD - 0.001, "s1")), 60))
                .isEmpty();
        assertThat(admit(article("s3", null, "s1", new NewText(AlertGate.NEW_TEXT_THRESHOLD, "s1")), 120))
                .hasSize(1);
    }

    @Test
    void theSameArticleAgainIsHeldWhateverItsNewText() {
        admit(article("s1", null, "s1", null), 0);
        EnrichedArticle update = article("s2", null, "s1", new NewText(0.9, "s1"));
        assertThat(admit(update, 60)).hasSize(1);

        assertThat(admit(update, 61)).isEmpty();
    }

    @Test
    void aFirstAlertOnAStoryCarriesNoStoryUpdateEvenWithNewText() {
        List<AlertCandidate> first = admit(article("s2", null, "s1", new NewText(0.9, "s1")), 0);

        assertThat(first).hasSize(1);
        assertThat(first.get(0).alert().data().storyUpdate()).isNull();
    }

    @Test
    void articlesOfAnEarlierEnrichWithoutNewTextKeepTheDuplicateGroupAsStory() {
        admit(article("s1", null, "s1", null), 0);

        assertThat(admit(article("s2", null, "s1", null), 60)).hasSize(1);
        assertThat(admit(article("s3", "s1", "s1", null), 120)).isEmpty();
    }

    @Test
    void aMutedWatchRaisesNoAlertAndItsNextAlertAfterTheMuteCountsWhatWasHeld() {
        Watch muted = ELECTIONS.withMutedUntil(T0.plusSeconds(3600));

        assertThat(admit(muted, article("m1", null, "m1", null), 0)).isEmpty();
        assertThat(admit(muted, article("m2", null, "m2", null), 3599)).isEmpty();
        assertThat(metrics.counter("raqib.sink.alerts.suppressed", "reason", "muted").count()).isEqualTo(2);

        List<AlertCandidate> unmuted = admit(ELECTIONS, article("m1", null, "m1", null), 3700);
        assertThat(unmuted).as("a story seen only while muted alerts after the mute").hasSize(1);
        assertThat(unmuted.get(0).alert().data().suppressedSince()).isEqualTo(2);
    }

    @Test
    void aMuteThatEndedBeforeTheMatchHoldsNothingBack() {
        Watch mutedEarlier = ELECTIONS.withMutedUntil(T0.plusSeconds(60));

        assertThat(admit(mutedEarlier, article("m1", null, "m1", null), 60)).hasSize(1);
        assertThat(metrics.counter("raqib.sink.alerts.suppressed", "reason", "muted").count()).isZero();
    }

    @Test
    void theMuteSurvivesTheTripThroughACandidateBatch() {
        EnrichedArticle article = article("m1", null, "m1", null);
        Watch muted = ELECTIONS.withMutedUntil(T0.plusSeconds(3600));
        AlertCandidate candidate = AlertCandidate.of(muted, article,
                alerts.create(new WatchMatch(muted, List::of), article), List.of());

        List<AlertCandidate> back = CandidateBatch.of(List.of(candidate), 3).get(0).candidates();

        assertThat(back).extracting(AlertCandidate::mutedUntil).containsExactly(muted.mutedUntil());
        assertThat(gate.admit(back, T0)).isEmpty();
    }

    private List<AlertCandidate> admit(EnrichedArticle article, long seconds) {
        return admit(ELECTIONS, article, seconds);
    }

    private List<AlertCandidate> admit(Watch watch, EnrichedArticle article, long seconds) {
        Alert alert = alerts.create(new WatchMatch(watch, List::of), article);
        return gate.admit(List.of(AlertCandidate.of(watch, article, alert, List.of())), T0.plusSeconds(seconds));
    }

    private double sameStoryHeld() {
        return metrics.counter("raqib.sink.alerts.suppressed", "reason", "same-story").count();
    }

    private static EnrichedArticle article(String id, String duplicateOf, String storyId, NewText newText) {
        return Articles.of(id, "en", "Election called", "The president called an election.")
                .withStory(duplicateOf, storyId, newText);
    }
}
