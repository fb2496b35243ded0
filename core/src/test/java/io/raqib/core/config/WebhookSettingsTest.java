package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook delivery settings come from the same sources as the rest, with defaults and checked values. */
class WebhookSettingsTest {

    @Test
    void defaultsAndEnvironment() {
        assertThat(RaqibConfig.defaults().sink().webhooks()).isEqualTo(WebhookSettings.defaults())
                .isEqualTo(new WebhookSettings(Duration.ofSeconds(10), 100, 8, 5, Duration.ofMinutes(1)));
        assertThat(new SinkSettings(3, List.of()).webhooks()).isEqualTo(WebhookSettings.defaults());

        WebhookSettings s = RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_TIMEOUT", "PT3S",
                "RAQIB_WEBHOOK_QUEUE_PER_TARGET", "20", "RAQIB_WEBHOOK_WORKERS", "2",
                "RAQIB_WEBHOOK_CIRCUIT_FAILURES", "3", "RAQIB_WEBHOOK_CIRCUIT_OPEN", "PT30S"), Map.of()).sink().webhooks();

        assertThat(s).isEqualTo(new WebhookSettings(Duration.ofSeconds(3), 20, 2, 3, Duration.ofSeconds(30)));
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_WORKERS", "0"), Map.of()))
                .hasMessageContaining("raqib.webhook.workers").hasMessageContaining("positive integer");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WEBHOOK_CIRCUIT_OPEN", "1m"), Map.of()))
                .hasMessageContaining("RAQIB_WEBHOOK_CIRCUIT_OPEN").hasMessageContaining("'1m'");
    }
}
