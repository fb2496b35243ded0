package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.model.WebhookFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook delivery settings come from the same sources as the rest, with defaults and checked values. */
class WebhookSettingsTest {

    @Test
    void defaultsAndEnvironment() {
        assertThat(RaqibConfig.defaults().sink().webhooks()).isEqualTo(WebhookSettings.defaults())
                .isEqualTo(new WebhookSettings(Duration.ofSeconds(10), 100, 8, 5, Duration.ofMinutes(1), Map.of(),
                        Map.of()));
        assertThat(new SinkSettings(3, List.of()).webhooks()).isEqualTo(WebhookSettings.defaults());

        WebhookSettings s = RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_TIMEOUT", "PT3S",
                "RAQIB_WEBHOOK_QUEUE_PER_TARGET", "20", "RAQIB_WEBHOOK_WORKERS", "2",
                "RAQIB_WEBHOOK_CIRCUIT_FAILURES", "3", "RAQIB_WEBHOOK_CIRCUIT_OPEN", "PT30S"), Map.of()).sink().webhooks();

        assertThat(s).isEqualTo(new WebhookSettings(Duration.ofSeconds(3), 20, 2, 3, Duration.ofSeconds(30), Map.of(),
                Map.of()));
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_WORKERS", "0"), Map.of()))
                .hasMessageContaining("raqib.webhook.workers").hasMessageContaining("positive integer");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_CIRCUIT_OPEN", "1m"), Map.of()))
                .hasMessageContaining("RAQIB_WEBHOOK_CIRCUIT_OPEN").hasMessageContaining("'1m'");
    }

    /** The reference implementation's test secret (24 bytes) and another one. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OLD = "whsec_" + "A".repeat(43) + "=";

    @Test
    void secretsAndFormatsByDesk() {
        WebhookSettings s = RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_SECRETS",
                " news = " + SECRET + "  " + OLD + ", * =" + OLD, "RAQIB_WEBHOOK_FORMATS", "news=slack,*=cloudevents"),
                Map.of()).sink().webhooks();

        assertThat(s.secrets()).isEqualTo(Map.of("news", List.of(SECRET, OLD), "*", List.of(OLD)));
        assertThat(s.formats()).isEqualTo(Map.of("news", WebhookFormat.SLACK, "*", WebhookFormat.CLOUDEVENTS));
        assertThat(WebhookSettings.signingKey(SECRET)).hasSize(24);
        assertThat(s.toString()).contains("news").doesNotContain(SECRET.substring(6)).doesNotContain("AAAA");
    }

    @Test
    void aBadSecretIsRefusedWithoutQuotingIt() {
        String[] bad = {"news=MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "news=whsec_c2hvcnQ=", "news=whsec_#notbase64#",
            "=" + SECRET, SECRET, "news=" + SECRET + ",news=" + OLD, "news=", "News=" + SECRET, OLD};
        for (String value : bad) {
            assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_SECRETS", value), Map.of()))
                    .as(value).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("raqib.webhook.secrets").hasMessageNotContaining("MfKQ9r8G")
                    .hasMessageNotContaining("AAAAAAAA");
        }
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_SECRETS", "news=whsec_c2hvcnQ="),
                Map.of())).hasMessageContaining("24 to 64 bytes, got 5");
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_FORMATS", "news=teams"), Map.of()))
                .hasMessageContaining("raqib.webhook.formats").hasMessageContaining("'cloudevents' or 'slack'");
    }
}
