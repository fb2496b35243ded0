package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Desks' digest subscriptions and the mail server are read and checked like every other setting. */
class DigestSettingsTest {

    @Test
    void noDigestsByDefault() {
        DigestSettings d = RaqibConfig.defaults().sink().digests();

        assertThat(d.enabled()).isFalse();
        assertThat(d.delivers()).isFalse();
        assertThat(d.grace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.smtp().host()).isEmpty();
    }

    @Test
    void subscriptionsWithPeriodsAndAddresses() {
        DigestSettings d = load(Map.of("RAQIB_DIGESTS", "levant:PT1H:ana@example.org; bob@example.org;"
                + "https://hooks.example.org/raqib/levant, gulf:P1D, levant:P1D:chief@example.org",
                "RAQIB_SMTP_HOST", "mail.example.org", "RAQIB_SMTP_PASSWORD", "s3cret"));

        assertThat(d.subscriptions()).containsExactly(
                new DigestSettings.Subscription("levant", Duration.ofHours(1),
                        List.of("ana@example.org", "bob@example.org"), List.of("https://hooks.example.org/raqib/levant")),
                new DigestSettings.Subscription("gulf", Duration.ofDays(1), List.of(), List.of()),
                new DigestSettings.Subscription("levant", Duration.ofDays(1), List.of("chief@example.org"), List.of()));
        assertThat(d.recipients("levant", Duration.ofHours(1))).containsExactly("ana@example.org", "bob@example.org");
        assertThat(d.recipients("gulf", Duration.ofDays(1))).isEmpty();
        assertThat(d.webhooks("levant", Duration.ofHours(1))).containsExactly("https://hooks.example.org/raqib/levant");
        assertThat(d.webhooks("levant", Duration.ofDays(1))).isEmpty();
        assertThat(d.delivers()).isTrue();
        assertThat(d.smtp().toString()).doesNotContain("s3cret");
    }

    @Test
    void badEntriesNameTheSettingAndTheEntry() {
        assertThatThrownBy(() -> load(Map.of("RAQIB_DIGESTS", "levant:PT5M")))
                .hasMessageContaining("raqib.digests").hasMessageContaining("'levant:PT5M'")
                .hasMessageContaining("PT1H or P1D");
        assertThatThrownBy(() -> load(Map.of("RAQIB_DIGESTS", "levant")))
                .hasMessageContaining("'levant'");
        assertThatThrownBy(() -> load(Map.of("RAQIB_DIGESTS", "le vant:PT1H")))
                .hasMessageContaining("'le vant:PT1H'");
        assertThatThrownBy(() -> load(Map.of("RAQIB_DIGESTS", "levant:PT1H:not-an-address",
                "RAQIB_SMTP_HOST", "mail.example.org"))).hasMessageContaining("not-an-address is neither");
        assertThatThrownBy(() -> load(Map.of("RAQIB_DIGESTS", "levant:PT1H:ana@example.org")))
                .hasMessageContaining("raqib.smtp.host").hasMessageContaining("names e-mail addresses");
        assertThatThrownBy(() -> load(Map.of("RAQIB_SMTP_STARTTLS", "yes")))
                .hasMessageContaining("raqib.smtp.starttls").hasMessageContaining("true or false");
    }

    private static DigestSettings load(Map<String, String> env) {
        return RaqibConfig.load(null, env, Map.of()).sink().digests();
    }
}
