package io.raqib.sink.volume;

import io.raqib.core.kafka.JsonSerde;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link SubjectVolume} in a compact binary form, since it is written on every event: a version byte, a flags byte
 * (spiked, silent, has a rhythm), windowStart, count, events, lastSeen, usualGap (a double), the name (length, -1 for
 * none, then UTF-8), the history (length, then the counts), then a source's rhythm if it has one: since, hour − since,
 * batches and the 24 hourly rates. Whole numbers are zig-zag varints: counts are small and times need 6 bytes, where
 * fixed longs made the value larger than its JSON; a rhythm adds 30 to 80 bytes (2 or 3 per active hour). Values of
 * version 1 (the same without a rhythm) and values written as JSON by an earlier version (first byte '{') are still
 * read, so a changelog from before the upgrade restores; the source's rhythm starts at its next event.
 */
final class SubjectVolumeSerde implements Serde<SubjectVolume> {

    private static final byte VERSION = 2;
    /** The version without rhythms, still read. */
    private static final byte UNRHYTHMIC = 1;
    private static final int SPIKED = 1;
    private static final int SILENT = 2;
    private static final int RHYTHMIC = 4;
    private static final int MAX_VARLONG = 10;
    /** At most: version, flags, a double and six varints. */
    private static final int MAX_FIXED = 2 + Double.BYTES + 6 * MAX_VARLONG;
    /** At most: three varints and the hourly rates. */
    private static final int MAX_RHYTHM = (3 + Rhythm.HOURS) * MAX_VARLONG;
    private final Deserializer<SubjectVolume> json = new JsonSerde<>(SubjectVolume.class).deserializer();

    @Override
    public Serializer<SubjectVolume> serializer() {
        return (topic, s) -> s == null ? null : write(s);
    }

    @Override
    public Deserializer<SubjectVolume> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            try {
                return read(ByteBuffer.wrap(bytes));
            } catch (BufferUnderflowException e) {
                throw new SerializationException("truncated SubjectVolume on " + topic + " (" + bytes.length
                        + " bytes)", e);
            }
        };
    }

    private static byte[] write(SubjectVolume s) {
        byte[] name = s.name() == null ? null : s.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(MAX_FIXED + (name == null ? 0 : name.length)
                + s.history().size() * MAX_VARLONG + MAX_RHYTHM);
        b.put(VERSION).put((byte) ((s.spiked() ? SPIKED : 0) | (s.silent() ? SILENT : 0)
                | (s.rhythm() != null ? RHYTHMIC : 0)));
        putVarlong(b, s.windowStart());
        putVarlong(b, s.count());
        putVarlong(b, s.events());
        putVarlong(b, s.lastSeen());
        b.putDouble(s.usualGap());
        if (name == null) {
            putVarlong(b, -1);
        } else {
            putVarlong(b, name.length);
            b.put(name);
        }
        putVarlong(b, s.history().size());
        s.history().forEach(count -> putVarlong(b, count));
        Rhythm r = s.rhythm();
        if (r != null) {
            putVarlong(b, r.since());
            putVarlong(b, r.hour() - r.since());
            putVarlong(b, r.batches());
            r.perHour().forEach(rate -> putVarlong(b, rate));
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private static SubjectVolume read(ByteBuffer b) {
        byte version = b.get();
        if (version != VERSION && version != UNRHYTHMIC) {
            throw new SerializationException("unknown SubjectVolume format " + version);
        }
        int flags = b.get();
        long windowStart = varlong(b);
        long count = varlong(b);
        long events = varlong(b);
        long lastSeen = varlong(b);
        double usualGap = b.getDouble();
        String name = null;
        long nameLength = varlong(b);
        if (nameLength > b.remaining()) {
            throw new SerializationException("SubjectVolume name of " + nameLength + " bytes with " + b.remaining()
                    + " left");
        }
        if (nameLength >= 0) {
            byte[] bytes = new byte[(int) nameLength];
            b.get(bytes);
            name = new String(bytes, StandardCharsets.UTF_8);
        }
        long n = varlong(b);
        if (n < 0 || n > b.remaining()) {
            throw new SerializationException("SubjectVolume history of " + n + " with " + b.remaining()
                    + " bytes left");
        }
        Long[] history = new Long[(int) n];
        for (int i = 0; i < n; i++) {
            history[i] = varlong(b);
        }
        Rhythm rhythm = (flags & RHYTHMIC) != 0 ? rhythm(b) : null;
        if (b.hasRemaining()) {
            throw new SerializationException("SubjectVolume followed by " + b.remaining() + " stray bytes");
        }
        return new SubjectVolume(name, windowStart, count, List.of(history), (flags & SPIKED) != 0, events,
                lastSeen, usualGap, (flags & SILENT) != 0, rhythm);
    }

    private static Rhythm rhythm(ByteBuffer b) {
        long since = varlong(b);
        long hour = since + varlong(b);
        int batches = (int) varlong(b);
        Integer[] rates = new Integer[Rhythm.HOURS];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = (int) varlong(b);
        }
        return new Rhythm(since, hour, batches, List.of(rates));
    }

    /** Writes {@code value} zig-zag encoded (small magnitudes, either sign, take few bytes), 7 bits a byte. */
    private static void putVarlong(ByteBuffer b, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            b.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        b.put((byte) v);
    }

    private static long varlong(ByteBuffer b) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte next = b.get();
            v |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return (v >>> 1) ^ -(v & 1);
            }
        }
        throw new SerializationException("SubjectVolume varint longer than 10 bytes");
    }
}
