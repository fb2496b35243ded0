package io.raqib.sink.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.kafka.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/**
 * The volume stores' values round-trip through the binary form, which is a fraction of the JSON's size; values of
 * the previous binary version and JSON values from before the binary form are still read (with no rhythm yet), and
 * damaged values are refused rather than misread.
 */
class SubjectVolumeSerdeTest {

    private static final String TOPIC = "raqib-sink-volume-sources-changelog";
    private final SubjectVolumeSerde serde = new SubjectVolumeSerde();

    /** A source active from 07:00 to 23:00 UTC, 3 batches an hour, learned over 12 days. */
    private static final Rhythm DAYTIME = new Rhythm(490_000, 490_000 + 12 * 24 + 9, 2,
            IntStream.range(0, 24).mapToObj(h -> h >= 7 && h < 23 ? 3000 : 0).toList());
    private static final SubjectVolume SOURCE = new SubjectVolume("وكالة سانا", 1_764_374_400_000L, 17,
            LongStream.range(0, 24).map(i -> i * i * 1_000_003L - 7).boxed().toList(), true, 123_456_789_012L,
            1_764_375_000_123L, 654_321.25, true, new Rhythm(-5, 100_000, 60,
            IntStream.range(0, 24).mapToObj(h -> h * 2_500).toList()));
    /** {@code typical()} without its rhythm as the previous version (1) wrote it. */
    private static final String VERSION_1 = "010180b0c6ced9660ef2c001f28f91cfd9664122aff35b98c7e30e73616e612e737906060018";

    @Test
    void everyFieldRoundTrips() {
        for (SubjectVolume s : List.of(SOURCE,
                new SubjectVolume("", 0, 0, List.of(), false, 0, 0, 0, false, null),
                new SubjectVolume(null, -3_600_000, 1, List.of(Long.MAX_VALUE, Long.MIN_VALUE), false, 1,
                        Long.MIN_VALUE, Double.MAX_VALUE, true, null),
                new SubjectVolume("sana.sy", 3_600_000, 2, List.of(0L, 4L), true, 9, 3_600_001, 0.5, false,
                        DAYTIME),
                typical(Rhythm.start(1_764_375_012_345L)))) {
            assertThat(roundTrip(s)).isEqualTo(s);
        }
    }

    @Test
    void aTypicalValueTakesAQuarterOfItsJson() {
        SubjectVolume typical = typical(DAYTIME);

        byte[] binary = serde.serializer().serialize(TOPIC, typical);
        byte[] json = new JsonSerde<>(SubjectVolume.class).serializer().serialize(TOPIC, typical);

        assertThat(binary[0]).as("version").isEqualTo((byte) 2);
        assertThat(binary).as("version, flags, times 6 bytes each, count 1, events 3, gap 8, name 1+7, history 1+3,"
                        + " rhythm: since 3, hour 2, batches 1, 16 active hours 2 bytes each, 8 quiet ones 1")
                .hasSize(1 + 1 + 6 + 1 + 3 + 6 + 8 + 1 + 7 + 1 + 3 + 3 + 2 + 1 + 16 * 2 + 8);
        assertThat(binary.length).isLessThan(json.length / 3);
        assertThat(serde.serializer().serialize(TOPIC, typical(null))).as("a watch keeps no rhythm")
                .hasSize(binary.length - 46);
    }

    @Test
    void theVersionBeforeRhythmsIsStillRead() {
        assertThat(read(HexFormat.of().parseHex(VERSION_1))).isEqualTo(typical(null));
    }

    @Test
    void jsonWrittenBeforeTheUpgradeIsStillRead() {
        JsonSerde<SubjectVolume> old = new JsonSerde<>(SubjectVolume.class);
        for (SubjectVolume s : List.of(SOURCE,
                new SubjectVolume("sana.sy", 0, 1, List.of(), false, 1, 5, 0, false, null))) {
            byte[] json = old.serializer().serialize(TOPIC, s);
            assertThat(json[0]).isEqualTo((byte) '{');
            assertThat(serde.deserializer().deserialize(TOPIC, json)).isEqualTo(s);
        }
        byte[] beforeRhythms = ("{\"name\":\"sana.sy\",\"windowStart\":0,\"count\":1,\"history\":[],"
                + "\"spiked\":false,\"events\":1,\"lastSeen\":5,\"usualGap\":0.0,\"silent\":false}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(read(beforeRhythms)).isEqualTo(new SubjectVolume("sana.sy", 0, 1, List.of(), false, 1, 5, 0,
                false, null));
    }

    @Test
    void nullStaysNullForTombstones() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void damagedValuesAreRefused() {
        byte[] good = serde.serializer().serialize(TOPIC, SOURCE);
        byte[] otherVersion = good.clone();
        otherVersion[0] = 3;
        byte[] hugeHistory = serde.serializer().serialize(TOPIC,
                new SubjectVolume("s", 0, 0, List.of(), false, 0, 0, 0, false, null));
        hugeHistory[hugeHistory.length - 1] = 126;
        byte[] stray = Arrays.copyOf(good, good.length + 1);

        assertThatThrownBy(() -> read(otherVersion)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format 3");
        assertThatThrownBy(() -> read(Arrays.copyOf(good, 20))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> read(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> read(hugeHistory)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("history of 63");
        assertThatThrownBy(() -> read(stray)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("stray");
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(SerializationException.class);
        byte[] endless = new byte[14];
        Arrays.fill(endless, (byte) 0xff);
        endless[0] = 2;
        assertThatThrownBy(() -> read(endless)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("longer than 10 bytes");
    }

    /** A typical source's value, with {@code rhythm}. */
    private static SubjectVolume typical(Rhythm rhythm) {
        return new SubjectVolume("sana.sy", 1_764_374_400_000L, 7, List.of(3L, 0L, 12L), true, 12_345,
                1_764_375_012_345L, 612_345.6789, false, rhythm);
    }

    private SubjectVolume roundTrip(SubjectVolume s) {
        return read(serde.serializer().serialize(TOPIC, s));
    }

    private SubjectVolume read(byte[] bytes) {
        return serde.deserializer().deserialize(TOPIC, bytes);
    }
}
