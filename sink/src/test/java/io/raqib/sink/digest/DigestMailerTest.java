package io.raqib.sink.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.raqib.core.config.SmtpSettings;
import io.raqib.core.model.Digest;
import io.raqib.core.model.Digest.DigestArticle;
import io.raqib.core.model.Digest.DigestStory;
import io.raqib.core.model.Digest.DigestWatch;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Digests mailed through a real SMTP server (GreenMail, in process): UTF-8 Arabic, escaped HTML, every recipient. */
class DigestMailerTest {

    private static final Instant FROM = Instant.parse("2026-11-29T08:00:00Z");
    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aDigestArrivesAsTextAndHtmlWithItsArabicTitles() throws Exception {
        new DigestMailer(settings(smtp.getSmtp().getPort())).send(digest(), List.of("ana@example.org",
                "bob@example.org"));

        assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject())
                .isEqualTo("Raqib digest for levant, 2026-11-29 08:00–2026-11-29 09:00 UTC: 4 alerts");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("raqib@newsroom.example");
        assertThat(mail.getHeader("X-Raqib-Digest")).containsExactly("d-1");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(text).contains("\u2068سوريا\u2069 (3)")
                .contains("\u2068قصف في ريف إدلب\u2069 — sana.sy (+1 more in this story)")
                .contains("https://sana.sy/a1").contains("(untitled article)");
        assertThat(html).contains("<bdi>سوريا</bdi> (3)")
                .contains("<a href=\"https://sana.sy/a1\">قصف في ريف إدلب</a>")
                .contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("javascript:");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
    }

    @Test
    void anUnreachableServerIsAnError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DigestMailer mailer = new DigestMailer(settings(closedPort));

        assertThatThrownBy(() -> mailer.send(digest(), List.of("ana@example.org")))
                .isInstanceOf(MessagingException.class);
    }

    private static SmtpSettings settings(int port) {
        return new SmtpSettings("127.0.0.1", port, "raqib@newsroom.example", "", "", false);
    }

    private static Digest digest() {
        DigestArticle first = new DigestArticle("al-1", "a1", "قصف في ريف إدلب", "https://sana.sy/a1", "sana.sy",
                FROM.plusSeconds(300));
        DigestArticle untitled = new DigestArticle("al-3", "a3", null, null, "x.example", FROM.plusSeconds(900));
        DigestArticle hostile = new DigestArticle("al-4", "a4", "<script>alert(1)</script>", "javascript:alert(1)",
                "evil.example", FROM.plusSeconds(999));
        DigestWatch syria = new DigestWatch("syria", "سوريا", 3, List.of(new DigestStory("s1", 2, List.of(first)),
                new DigestStory("s3", 1, List.of(untitled))), 0);
        DigestWatch other = new DigestWatch("other", "Other", 1, List.of(new DigestStory("s4", 1, List.of(hostile))),
                0);
        return new Digest("d-1", "levant", "PT1H", FROM, FROM.plusSeconds(3600), 4, List.of(syria, other), 0);
    }
}
