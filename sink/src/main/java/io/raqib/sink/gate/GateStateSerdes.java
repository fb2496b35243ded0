package io.raqib.sink.gate;

import io.raqib.core.kafka.JsonSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serdes of the alert gate's state stores: read and written for nearly every match, so a fixed 17-byte
 * {@link AlertState} and a length-prefixed list of watch ids instead of JSON. An {@link AlertState} changelogged as
 * JSON by an earlier version is still read.
 */
public final class GateStateSerdes {

    private static final byte STATE_V1 = 1;
    private static final long NO_ALERT = Long.MIN_VALUE;
    private static final Deserializer<AlertState> JSON_STATE = new JsonSerde<>(AlertState.class).deserializer();

    private GateStateSerdes() {
    }

    /** {@link AlertState}: version byte, last alert (epoch ms, {@code Long.MIN_VALUE} for none), suppressed. */
    public static Serde<AlertState> alertState() {
        Serializer<AlertState> write = (topic, s) -> s == null ? null : ByteBuffer.allocate(17).put(STATE_V1)
                .putLong(s.lastAlert() == null ? NO_ALERT : s.lastAlert().toEpochMilli())
                .putLong(s.suppressed()).array();
        Deserializer<AlertState> read = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return JSON_STATE.deserialize(topic, bytes);
            }
            if (bytes.length != 17 || bytes[0] != STATE_V1) {
                throw new SerializationException("not an alert state record on " + topic);
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 1, 16);
            long last = in.getLong();
            return new AlertState(last == NO_ALERT ? null : Instant.ofEpochMilli(last), in.getLong());
        };
        return Serdes.serdeFrom(write, read);
    }

    /** A list of watch ids: count, then each id as a length-prefixed UTF-8 string. */
    public static Serde<List<String>> watchIds() {
        Serializer<List<String>> write = (topic, ids) -> ids == null ? null : encode(ids);
        Deserializer<List<String>> read = (topic, bytes) -> bytes == null ? null : decode(topic, bytes);
        return Serdes.serdeFrom(write, read);
    }

    private static byte[] encode(Collection<String> ids) {
        List<byte[]> utf8 = new ArrayList<>(ids.size());
        int size = 4;
        for (String id : ids) {
            byte[] b = id.getBytes(StandardCharsets.UTF_8);
            utf8.add(b);
            size += 4 + b.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(utf8.size());
        utf8.forEach(b -> out.putInt(b.length).put(b));
        return out.array();
    }

    private static List<String> decode(String topic, byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int n = in.getInt();
            if (n < 0 || n > bytes.length / 4) {
                throw new SerializationException("not a watch id list on " + topic);
            }
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new SerializationException("not a watch id list on " + topic + ": an id of " + length
                            + " bytes beyond the record's end");
                }
                byte[] b = new byte[length];
                in.get(b);
                ids.add(new String(b, StandardCharsets.UTF_8));
            }
            return ids;
        } catch (RuntimeException e) {
            throw new SerializationException("not a watch id list on " + topic + ": " + e, e);
        }
    }
}
