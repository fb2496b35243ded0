package io.raqib.enrich.story;

import io.raqib.core.kafka.JsonSerde;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Binary serdes for what the story step stores and ships with an article's signatures: each story lookup reads
 * several remembered articles, and their ~200 signature values as JSON numbers cost a tenth of enrich's time to
 * parse. Layout: a version byte, then strings as length-prefixed UTF-8 (-1 for null) and signatures as
 * length-prefixed ints; version 2 follows each signature with its shingle count. Version 1 records and values an
 * earlier version wrote as JSON are still read (their shingle count unknown).
 */
public final class SignatureSerdes {

    private static final byte V1 = 1;
    private static final byte V2 = 2;

    private SignatureSerdes() {
    }

    /** The serde of the remembered articles ({@link WindowSignatureStore#ARTICLES}). */
    public static Serde<SeenArticle> seenArticle() {
        return serde(SeenArticle.class, a -> new Writer(a.id(), a.storyId()).signature(a.signature()).bytes(),
                in -> new SeenArticle(in.string(), in.string(), in.signature()));
    }

    /**
     * A binary serde of {@code type} built from {@code write} and {@code read}; JSON (an earlier version's format)
     * is recognized by its first byte and read with the shared mapper.
     */
    public static <T> Serde<T> serde(Class<T> type, Function<T, byte[]> write, Function<Reader, T> read) {
        Deserializer<T> json = new JsonSerde<>(type).deserializer();
        return Serdes.serdeFrom((topic, value) -> value == null ? null : write.apply(value), (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length > 0 && bytes[0] == '{') {
                return json.deserialize(topic, bytes);
            }
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                byte version = in.get();
                if (version != V1 && version != V2) {
                    throw new SerializationException("unknown " + type.getSimpleName() + " format on " + topic);
                }
                return read.apply(new Reader(in, version));
            } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
                throw new SerializationException("not a valid " + type.getSimpleName() + " record on " + topic, e);
            }
        });
    }

    /** Accumulates strings, ints and signatures into one record. */
    public static final class Writer {
        private ByteBuffer out = ByteBuffer.allocate(1024).put(V2);

        /** A record starting with {@code strings}. */
        public Writer(String... strings) {
            for (String s : strings) {
                string(s);
            }
        }

        /** Appends a string (null allowed). */
        public Writer string(String s) {
            if (s == null) {
                room(4).putInt(-1);
                return this;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            room(4 + utf8.length).putInt(utf8.length).put(utf8);
            return this;
        }

        /** Appends an int. */
        public Writer integer(int value) {
            room(4).putInt(value);
            return this;
        }

        /** Appends a long. */
        public Writer longValue(long value) {
            room(8).putLong(value);
            return this;
        }

        /** Appends both signatures of {@code s} and its shingle count. */
        public Writer signature(StorySignature s) {
            ints(s.shingles());
            ints(s.words());
            return integer(s.shingleCount());
        }

        private Writer ints(int[] values) {
            room(4 + 4 * values.length).putInt(values.length);
            for (int v : values) {
                out.putInt(v);
            }
            return this;
        }

        private ByteBuffer room(int bytes) {
            if (out.remaining() < bytes) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
                out = bigger.put(out.flip());
            }
            return out;
        }

        /** The record. */
        public byte[] bytes() {
            byte[] b = new byte[out.position()];
            out.flip().get(b);
            return b;
        }
    }

    /** Reads back what a {@link Writer} wrote, in the same order. */
    public static final class Reader {
        private final ByteBuffer in;
        private final byte version;

        Reader(ByteBuffer in, byte version) {
            this.in = in;
            this.version = version;
        }

        /** {@code count} items of {@code size} bytes, refused when the record cannot hold them (no huge array). */
        private int checked(int count, int size) {
            if (count < 0 || (long) count * size > in.remaining()) {
                throw new IllegalArgumentException("a length of " + count + " beyond the record's end");
            }
            return count;
        }

        /** The next string (null when null was written). */
        public String string() {
            int n = in.getInt();
            if (n < 0) {
                return null;
            }
            byte[] utf8 = new byte[checked(n, 1)];
            in.get(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        /** The next int. */
        public int integer() {
            return in.getInt();
        }

        /** The next long. */
        public long longValue() {
            return in.getLong();
        }

        /** The next signature pair (and, from version 2 on, its shingle count). */
        public StorySignature signature() {
            int[] shingles = ints();
            int[] words = ints();
            return new StorySignature(shingles, words, version >= V2 ? in.getInt() : 0);
        }

        private int[] ints() {
            int[] values = new int[checked(in.getInt(), 4)];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.getInt();
            }
            return values;
        }
    }
}
