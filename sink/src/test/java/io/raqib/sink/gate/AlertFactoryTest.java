package io.raqib.sink.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Mention;
import io.raqib.core.model.Watch;
import io.raqib.sink.Articles;
import io.raqib.sink.matching.WatchMatch;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertFactoryTest {

    private final AlertFactory factory = new AlertFactory(Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"),
            ZoneOffset.UTC));
    private final Watch watch = new Watch("w1", "Putin", "putin", null, null, List.of(), null, null);

    @Test
    void anAlertStaysSmallWhateverTheArticle() {
        List<Mention> mentions = IntStream.range(0, 100).mapToObj(i -> new Mention("body", i * 6, i * 6 + 5, "Putin"))
                .toList();
        EnrichedArticle base = Articles.of("a1", "en", "Putin ".repeat(2_000), "Putin ".repeat(100));
        EnrichedArticle article = new EnrichedArticle(base.id(), base.url(), base.source(), base.title(), base.body(),
                null, "en", base.published(), base.ingestedAt(), base.cleanBody(),
                List.of(new Entity("Q7747", "Vladimir Putin", "person", mentions)), List.of(), null, "a1");

        Alert alert = factory.create(new WatchMatch(watch, List::of), article);

        assertThat(alert.data().title()).hasSize(AlertFactory.MAX_TITLE_CHARS).endsWith("…");
        assertThat(alert.data().entities()).singleElement().satisfies(e -> assertThat(e.mentions())
                .containsExactlyElementsOf(mentions.subList(0, AlertFactory.MENTIONS_PER_ENTITY)));
    }

    @Test
    void aShortTitleAndFewMentionsAreKeptAsTheyAre() {
        EnrichedArticle article = Articles.of("a2", "en", "Putin visits Damascus", "Putin visits Damascus");

        Alert alert = factory.create(new WatchMatch(watch, List::of), article);

        assertThat(alert.data().title()).isEqualTo("Putin visits Damascus");
        assertThat(alert.data().entities()).isEqualTo(article.entities());
    }
}
