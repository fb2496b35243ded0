package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.SinkService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two sink instances of one application (as when scaled out): a watch written to raqib.watches reaches both
 * within seconds, without restart, and articles on every partition alert exactly once per story.
 */
class SecondSinkIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aNewWatchReachesBothInstancesAndEachStoryAlertsOnce() throws Exception {
        RaqibConfig first = SharedBroker.config("two-sinks");
        RaqibConfig second = SharedBroker.secondInstance(first);
        try (SinkService one = new SinkService(first, List.of());
             SinkService two = new SinkService(second, List.of())) {
            one.start(WAIT);
            two.start(WAIT);
            String marker = "velmorite" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
            Watch watch = new Watch("second-" + marker, "Live", marker, null, null, List.of(), null, null);

            KafkaTestClients.send(first.bootstrapServers(), Topics.WATCHES, watch.id(), watch);

            long deadline = System.nanoTime() + WAIT.toNanos();
            while ((one.registry().get(watch.id()) == null || two.registry().get(watch.id()) == null)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(one.registry().get(watch.id())).isEqualTo(watch);
            assertThat(two.registry().get(watch.id())).isEqualTo(watch);

            for (int i = 0; i < 6; i++) {
                String id = marker + "-" + i;
                // articles 3..5 are near-duplicates of article 0: one story, already alerted
                String duplicateOf = i >= 3 ? marker + "-0" : null;
                KafkaTestClients.send(first.bootstrapServers(), Topics.ARTICLES_ENRICHED, id, article(id, marker,
                        duplicateOf));
            }
            List<ConsumerRecord<String, Alert>> alerts = KafkaTestClients.readUntil(first.bootstrapServers(),
                    Topics.ALERTS, r -> r.key().equals(watch.id()), 6, Duration.ofSeconds(20));
            // Articles sit on different partitions, so which copy of story 0 arrives first (and alerts) may vary.
            assertThat(alerts).extracting(r -> storyOf(r.value().data().articleId(), marker))
                    .containsExactlyInAnyOrder(marker + "-0", marker + "-1", marker + "-2");
        }
    }

    private static String storyOf(String articleId, String marker) {
        int n = Integer.parseInt(articleId.substring(marker.length() + 1));
        return marker + "-" + (n >= 3 ? 0 : n);
    }

    private static EnrichedArticle article(String id, String marker, String duplicateOf) {
        String body = "Report " + id + " on " + marker + " deposits.";
        return new EnrichedArticle(id, "https://example.org/" + id, "example", "Find " + id, body, null, "en",
                Instant.now(), Instant.now(), body, List.of(), List.of(), duplicateOf, duplicateOf == null ? id
                : duplicateOf);
    }
}
