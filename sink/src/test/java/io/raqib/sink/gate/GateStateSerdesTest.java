package io.raqib.sink.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class GateStateSerdesTest {

    private final Serde<AlertState> states = GateStateSerdes.alertState();
    private final Serde<List<String>> ids = GateStateSerdes.watchIds();

    @Property
    void alertStatesRoundTrip(@ForAll @LongRange(min = -1, max = 4_000_000_000_000L) long lastAlertMs,
                              @ForAll @LongRange(min = 0) long suppressed) {
        AlertState state = new AlertState(lastAlertMs < 0 ? null : Instant.ofEpochMilli(lastAlertMs), suppressed);

        assertThat(states.deserializer().deserialize("t", states.serializer().serialize("t", state))).isEqualTo(state);
    }

    @Test
    void statesChangeloggedAsJsonByEarlierVersionsAreStillRead() {
        byte[] json = "{\"lastAlert\":\"2026-11-29T06:00:00Z\",\"suppressed\":3}".getBytes(StandardCharsets.UTF_8);

        assertThat(states.deserializer().deserialize("t", json))
                .isEqualTo(new AlertState(Instant.parse("2026-11-29T06:00:00Z"), 3));
    }

    @Property
    void watchIdListsRoundTrip(@ForAll @Size(max = 60) List<String> watchIds) {
        assertThat(ids.deserializer().deserialize("t", ids.serializer().serialize("t", watchIds)))
                .isEqualTo(watchIds);
    }

    @Test
    void truncatedRecordsAreRefusedNamingTheTopic() {
        byte[] whole = ids.serializer().serialize("t", List.of("w1", "w2"));
        byte[] cut = Arrays.copyOf(whole, whole.length - 1);

        assertThatThrownBy(() -> ids.deserializer().deserialize("gate-changelog", cut))
                .isInstanceOf(SerializationException.class).hasMessageContaining("gate-changelog");
        byte[] lying = ByteBuffer.allocate(8).putInt(1).putInt(Integer.MAX_VALUE).array();
        assertThatThrownBy(() -> ids.deserializer().deserialize("gate-changelog", lying))
                .isInstanceOf(SerializationException.class).hasMessageContaining("beyond the record's end");
        assertThatThrownBy(() -> states.deserializer().deserialize("gate-changelog", new byte[] {1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("gate-changelog");
    }
}
