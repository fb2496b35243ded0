package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Digest;
import io.raqib.core.model.Watch;
import io.raqib.sink.SinkService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Digests on the embedded broker: alerts of a desk's watches on {@code raqib.alerts} → the sink's digest windows →
 * one hourly digest on {@code raqib.digests} → mailed through a real SMTP server (GreenMail) to the desk's address.
 */
class DigestIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aClosedHourOfAlertsIsPublishedAndMailed() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        String desk = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        RaqibConfig config = SharedBroker.config("digest", Map.of(
                "RAQIB_DIGESTS", desk + ":PT1H:" + desk + "@newsroom.example",
                "RAQIB_SMTP_HOST", "127.0.0.1",
                "RAQIB_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort())));
        Watch watch = new Watch(desk + "-syria", "سوريا", "سوريا", null, desk, List.of(), null, null);
        // Two hours ago: the window is closed, so the digest goes out at the first check.
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        try (SinkService sink = new SinkService(config, List.of(watch))) {
            sink.start(WAIT);
            for (int i = 0; i < 3; i++) {
                AlertData data = new AlertData(watch.id(), watch.name(), "article-" + i, "خبر " + i,
                        "https://news.example/" + i, "news.example", "ar", List.of(), List.of(), List.of())
                        .withStoryId(i < 2 ? "story-a" : "story-b");
                KafkaTestClients.send(config.bootstrapServers(), Topics.ALERTS, watch.id(),
                        Alert.of(desk + "-alert-" + i, hour.plus(Duration.ofMinutes(10 * i)), data));
            }

            List<ConsumerRecord<String, Digest>> digests = KafkaTestClients.readUntil(config.bootstrapServers(),
                    Topics.DIGESTS, r -> desk.equals(r.key()), 1, WAIT);
            Digest digest = digests.get(0).value();
            assertThat(digest.from()).isEqualTo(hour);
            assertThat(digest.alerts()).isEqualTo(3);
            assertThat(digest.watches()).hasSize(1);
            assertThat(digest.watches().get(0).stories()).extracting(s -> s.storyId() + "=" + s.alerts())
                    .containsExactly("story-a=2", "story-b=1");

            assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(desk + "@newsroom.example");
            assertThat(mail.getSubject()).contains(desk).contains("3 alerts");
            assertThat(sink.health().live()).isTrue();
        } finally {
            smtp.stop();
        }
    }
}
