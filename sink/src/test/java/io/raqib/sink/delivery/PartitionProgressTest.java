package io.raqib.sink.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    private final PartitionProgress progress = new PartitionProgress();

    @Test
    void theCommitStopsAtTheFirstAlertNotFinished() {
        assertThat(progress.uncommitted()).isEmpty();
        for (long offset = 10; offset <= 13; offset++) {
            progress.started(offset);
        }
        progress.finished(10);
        progress.finished(12);
        progress.finished(13);
        assertThat(progress.uncommitted()).isEqualTo(OptionalLong.of(11));

        progress.committed(11);
        assertThat(progress.uncommitted()).as("nothing moved since").isEmpty();

        progress.finished(11);
        assertThat(progress.uncommitted()).isEqualTo(OptionalLong.of(14));
    }
}
