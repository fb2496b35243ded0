package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Digest;
import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Watch;
import io.raqib.sink.SinkService;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Digests on the embedded broker: enriched articles → the sink's alerts for a desk's watch → its digest windows →
 * one hourly digest on {@code raqib.digests} → mailed through a real SMTP server (GreenMail) to the desk's address,
 * and posted, signed, to its webhook (a real HTTP server).
 */
class DigestIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void aClosedHourOfAlertsIsPublishedAndMailed() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        MockWebServer hooks = new MockWebServer();
        hooks.start();
        String desk = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        String hook = "http://127.0.0.1:" + hooks.getPort() + "/hooks/" + desk;
        RaqibConfig config = SharedBroker.config("digest", Map.of(
                "RAQIB_DIGESTS", desk + ":PT1H:" + desk + "@newsroom.example;" + hook,
                "RAQIB_SMTP_HOST", "127.0.0.1",
                "RAQIB_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "RAQIB_WEBHOOK_ALLOW", "http://127.0.0.1:" + hooks.getPort() + "/hooks/",
                "RAQIB_WEBHOOK_SECRETS", desk + "=" + SECRET));
        // The shared broker's enriched topic holds other tests' articles too: the query names this run's word.
        String word = "run" + desk.substring("desk-".length());
        Watch watch = new Watch(desk + "-syria", "سوريا", "سوريا AND " + word, null, desk, List.of(), null, null);
        // Alerts stamped two hours ago: their hour is closed, so the digest goes out at the first check.
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        try (SinkService sink = new SinkService(config, List.of(watch), new SimpleMeterRegistry(), twoHoursAgo)) {
            sink.start(WAIT);
            Instant hourBefore = twoHoursAgo.instant().truncatedTo(ChronoUnit.HOURS);
            for (int i = 0; i < 3; i++) {
                String id = desk + "-article-" + i;
                EnrichedArticle article = new EnrichedArticle(id, "https://news.example/" + i, "news.example",
                        "خبر " + i + " عن سوريا", "قصف في سوريا اليوم " + word, null, "ar", Instant.now(),
                        Instant.now(), "قصف في سوريا اليوم " + word, List.of(), List.of(), null,
                        i < 2 ? "story-a" : "story-b");
                KafkaTestClients.send(config.bootstrapServers(), Topics.ARTICLES_ENRICHED, id, article);
            }

            List<ConsumerRecord<String, Digest>> digests = KafkaTestClients.readUntil(config.bootstrapServers(),
                    Topics.DIGESTS, r -> desk.equals(r.key()), 1, WAIT);
            Digest digest = digests.get(0).value();
            // The hour the alerts were stamped in (the clock may have passed an hour while they were raised).
            assertThat(digest.from()).isIn(hourBefore, twoHoursAgo.instant().truncatedTo(ChronoUnit.HOURS));
            assertThat(digest.to()).isEqualTo(digest.from().plus(Duration.ofHours(1)));
            assertThat(digest.alerts()).isEqualTo(3);
            assertThat(digest.watches()).hasSize(1);
            assertThat(digest.watches().get(0).stories()).extracting(s -> s.storyId() + "=" + s.alerts())
                    .containsExactlyInAnyOrder("story-a=2", "story-b=1");

            assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(desk + "@newsroom.example");
            assertThat(mail.getSubject()).contains(desk).contains("3 alerts");
            String text = mailText(mail);
            // Grouped by story: one line each, with the title of one of its articles (they arrive in any order).
            assertThat(text).containsPattern("خبر [01] عن سوريا\u2069 — news.example \\(\\+1 more in this story\\)")
                    .containsPattern("خبر 2 عن سوريا\u2069 — news.example\\r?\\n");
            assertThat(text.split("عن سوريا", -1)).as("two story lines, not one per alert").hasSize(3);

            RecordedRequest posted = hooks.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(posted).as("digest posted").isNotNull();
            assertThat(posted.getPath()).isEqualTo("/hooks/" + desk);
            assertThat(posted.getHeader("webhook-id")).isEqualTo(digest.id());
            String body = posted.getBody().readUtf8();
            String signed = digest.id() + "." + posted.getHeader("webhook-timestamp") + "." + body;
            assertThat(posted.getHeader("webhook-signature")).isEqualTo("v1," + hmac(signed));
            assertThat(RaqibJson.mapper().readValue(body, Digest.class)).isEqualTo(digest);
            assertThat(sink.health().live()).isTrue();
        } finally {
            smtp.stop();
            hooks.shutdown();
        }
    }

    /** The plain-text part of {@code mail}. */
    private static String mailText(MimeMessage mail) throws Exception {
        if (mail.getContent() instanceof String text) {
            return text;
        }
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("text/plain")) {
                return (String) parts.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no text/plain part in " + mail.getContentType());
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
