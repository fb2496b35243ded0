package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.WatchReplay;
import io.raqib.sink.gate.AlertCandidate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** {@code raqib replay}'s engine over raqib.articles.enriched with known content and timestamps. */
class ReplayIT {

    @Test
    void replaysOnlyArticlesSinceTheStartTimeOncePerStoryMarkedAsReplay() throws Exception {
        RaqibConfig config = SharedBroker.config("replay");
        String marker = "zirconel" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "z");
        Instant now = Instant.now();
        try (KafkaProducer<String, EnrichedArticle> producer = producer(config.bootstrapServers())) {
            send(producer, article("old-" + marker, marker, null), now.minus(Duration.ofDays(3)));
            send(producer, article("new1-" + marker, marker, null), now.minus(Duration.ofHours(2)));
            send(producer, article("copy-" + marker, marker, "new1-" + marker), now.minus(Duration.ofHours(1)));
            send(producer, article("new2-" + marker, marker, null), now.minus(Duration.ofMinutes(30)));
            send(producer, article("other-" + marker, "unrelated", null), now.minus(Duration.ofMinutes(20)));
            producer.flush();
        }
        // Muted now: a mute holds back live alerts, not a replay.
        Watch watch = new Watch("replay-" + marker, "Replay", marker, null, null, List.of(), null, null)
                .withMutedUntil(now.plus(Duration.ofDays(1)));
        List<AlertCandidate> alerts = new ArrayList<>();
        AtomicLong total = new AtomicLong();
        AtomicLong read = new AtomicLong();

        long count = new WatchReplay(new KafkaClients(config)).run(watch, now.minus(Duration.ofDays(1)),
                range -> total.set(range.size()), read::set, alerts::add);

        // one alert per story: new1 and its copy are one story (partitions are read in no particular order, so
        // whichever comes first alerts); the 3-day-old article is before the start; "other" does not match
        assertThat(count).isEqualTo(2);
        assertThat(alerts).extracting(c -> c.alert().data().articleId()).contains("new2-" + marker)
                .containsAnyOf("new1-" + marker, "copy-" + marker).doesNotContain("old-" + marker);
        assertThat(alerts).allSatisfy(c -> {
            assertThat(c.alert().data().replay()).isTrue();
            assertThat(c.alert().subject()).isEqualTo(watch.id());
        });
        assertThat(read.get()).isEqualTo(total.get()).isGreaterThanOrEqualTo(4);
    }

    private static KafkaProducer<String, EnrichedArticle> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaProducer<>(p, Topics.ARTICLES_ENRICHED.keySerde().serializer(),
                Topics.ARTICLES_ENRICHED.valueSerde().serializer());
    }

    private static void send(KafkaProducer<String, EnrichedArticle> producer, EnrichedArticle a, Instant time)
            throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED.name(), null, time.toEpochMilli(), a.id(), a))
                .get();
    }

    private static EnrichedArticle article(String id, String word, String duplicateOf) {
        String body = "A report on " + word + " from the field.";
        return new EnrichedArticle(id, "https://example.org/" + id, "example", "Field report", body, null, "en",
                null, null, body, List.of(), List.of(), duplicateOf, id);
    }
}
