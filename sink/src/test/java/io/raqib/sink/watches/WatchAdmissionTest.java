package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.config.SinkSettings;
import io.raqib.core.model.Watch;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchAdmissionTest {

    private final WatchAdmission admission = new WatchAdmission(new SinkSettings(2, List.of("https://hooks.example/")));

    private static Watch watch(String id, String desk, String query, String webhook) {
        return new Watch(id, id, query, null, desk, List.of(), null, webhook);
    }

    @Test
    void aFullDeskRefusesANewWatchButAReplacedOneDoesNotCountTwice() {
        List<Watch> existing = List.of(watch("a", "levant", "x", null), watch("b", "levant", "y", null));

        admission.check(watch("a", "levant", "z", null), existing);
        admission.check(watch("c", "gulf", "z", null), existing);
        assertThatThrownBy(() -> admission.check(watch("c", "levant", "z", null), existing))
                .isInstanceOf(WatchAdmission.LimitExceededException.class).hasMessageContaining("limit 2");
    }

    @Test
    void theWatchToStoreCarriesTheNormalizedWebhook() {
        Watch admitted = admission.check(watch("n", null, "wheat", "HTTPS://Hooks.Example:443/levant"), List.of());

        assertThat(admitted).isEqualTo(watch("n", null, "wheat", "https://hooks.example/levant"));
    }

    @Test
    void aBadQueryOrAForbiddenWebhookIsRefusedWhateverTheDesk() {
        assertThatThrownBy(() -> admission.check(watch("q", null, "wheat AND (", null), List.of()))
                .isInstanceOf(InvalidWatchException.class).hasMessageContaining("invalid query");
        assertThatThrownBy(() -> admission.check(watch("h", null, "wheat", "https://elsewhere.example/"), List.of()))
                .isInstanceOf(InvalidWatchException.class).hasMessageContaining("raqib.webhook.allow");
        assertThatThrownBy(() -> admission.check(watch("s", null, "wheat", "https://hooks.example/x "), List.of()))
                .isInstanceOf(InvalidWatchException.class).hasMessageContaining("(U+0020)");
    }
}
