package io.raqib.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watch limits are sink settings like the others: defaults, environment, checked values. */
class WatchLimitsSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        WatchLimits expected = new WatchLimits(4000, 10, 256, 10, 100, 200, 3, 200, Duration.ofDays(30));

        assertThat(RaqibConfig.defaults().sink().watchLimits()).isEqualTo(expected);
        assertThat(WatchLimits.defaults()).isEqualTo(expected);
        assertThat(new SinkSettings(5, List.of()).watchLimits()).isEqualTo(expected);
    }

    @Test
    void environmentSetsEveryWatchLimit() {
        WatchLimits limits = RaqibConfig.load(null, Map.of("RAQIB_WATCH_MAX_QUERY_CHARS", "8000",
                "RAQIB_WATCH_MAX_DEPTH", "4", "RAQIB_WATCH_MAX_CLAUSES", "500", "RAQIB_WATCH_MAX_LANGUAGES", "3",
                "RAQIB_WATCH_MAX_TERMS", "20", "RAQIB_WATCH_MAX_TERM_CHARS", "80", "RAQIB_WATCH_MIN_PREFIX_CHARS", "4",
                "RAQIB_WATCH_MAX_LABEL_CHARS", "100", "RAQIB_WATCH_MAX_THROTTLE", "P7D"), Map.of())
                .sink().watchLimits();

        assertThat(limits).isEqualTo(new WatchLimits(8000, 4, 500, 3, 20, 80, 4, 100, Duration.ofDays(7)));
    }

    @Test
    void aBadLimitNamesThePropertyAndTheVariable() {
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WATCH_MAX_DEPTH", "0"), Map.of()))
                .hasMessageContaining("raqib.watch.max.depth").hasMessageContaining("RAQIB_WATCH_MAX_DEPTH")
                .hasMessageContaining("positive integer");
        assertThatThrownBy(() -> RaqibConfig.load(null, Map.of("RAQIB_WATCH_MAX_THROTTLE", "a week"), Map.of()))
                .hasMessageContaining("raqib.watch.max.throttle").hasMessageContaining("'a week'");
    }
}
