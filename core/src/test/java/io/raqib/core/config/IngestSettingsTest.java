package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The acknowledgement bound and the feed address allow-list of the ingest section. */
class IngestSettingsTest {

    @Test
    void defaultsAreTenSecondsAndPublicFeedAddressesOnly() {
        IngestSettings s = RaqibConfig.defaults().ingest();

        assertThat(s.ackTimeout()).isEqualTo(Duration.ofSeconds(10)).isEqualTo(IngestSettings.DEFAULT_ACK_TIMEOUT);
        assertThat(s.feedAllow()).isEmpty();
    }

    @Test
    void theEnvironmentSetsTheBoundAndTheAllowList() {
        IngestSettings s = RaqibConfig.load(null, Map.of("RAQIB_INGEST_ACK_TIMEOUT", "PT3S",
                "RAQIB_FEED_ALLOW", " 10.1.0.0/16, feeds.intranet ,fd00::/8"), Map.of()).ingest();

        assertThat(s.ackTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.feedAllow()).containsExactly("10.1.0.0/16", "feeds.intranet", "fd00::/8");
    }

    @Test
    void aBoundUnderOneSecondIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_INGEST_ACK_TIMEOUT", "PT0.5S"), Map.of()))
                .hasMessageContaining("raqib.ingest.ack.timeout").hasMessageContaining("RAQIB_INGEST_ACK_TIMEOUT")
                .hasMessageContaining("at least PT1S").hasMessageContaining("'PT0.5S'");
        assertThat(RaqibConfig.knownProperties()).containsAll(List.of("raqib.ingest.ack.timeout", "raqib.feed.allow"));
    }
}
