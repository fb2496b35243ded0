package io.raqib.app.faults;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.core.model.Watch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Records no stage can process, written straight to the pipeline's topics with a raw byte producer, and the good
 * records between them. Poison text carries a watched word, so a poison record that slips through as an article
 * shows up as an alert nobody expected.
 */
final class Poison {

    /** What a record is; every kind but {@link #GOOD} and {@link #OVERSIZED} must end on {@code raqib.dlq}. */
    enum Kind {
        /** A valid article (or watch): must be processed and alert like any other. */
        GOOD,
        /** A valid article of 340 KB to 1 MB: dead-lettered or enriched, never lost, never stopping enrich. */
        OVERSIZED,
        MALFORMED_JSON, WRONG_TYPES, INVALID_UTF8, DEEP_NESTING, CONTROL_BIDI_ID, NULL_VALUE, MISSING_ID,
        WATCH_LANGUAGES, WATCH_TERMS, WATCH_NESTING, WATCH_MALFORMED;

        /** Whether the record may legitimately come out of enrich instead of going to the DLQ. */
        boolean mayPass() {
            return this == GOOD || this == OVERSIZED;
        }
    }

    /** A record to write. */
    record Item(Kind kind, String topic, byte[] key, byte[] value) {
    }

    /** A record written: where it landed. {@code id} is the article or watch id it carries, if any. */
    record Sent(Kind kind, String topic, int partition, long offset, String id) {

        /** {@code topic-partition@offset}, as a dead letter's headers name it. */
        String source() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private static final List<Kind> ARTICLE_POISON = List.of(Kind.MALFORMED_JSON, Kind.WRONG_TYPES,
            Kind.INVALID_UTF8, Kind.DEEP_NESTING, Kind.CONTROL_BIDI_ID, Kind.NULL_VALUE, Kind.MISSING_ID);
    private static final String WATCHED = "الرياض";
    private static final int DEPTH = 5_000;

    private Poison() {
    }

    /**
     * {@code count} poison records for {@code topic} ({@code raqib.articles.raw} or {@code .enriched}), the kinds in
     * turn, the last {@code oversized} of them 340 KB to 1 MB articles (last, so that the other kinds get their
     * verdict even while a large article stops a stage); after every {@code goodEvery} poison records the next of
     * {@code good}, the rest of {@code good} at the end.
     */
    static List<Item> interleaved(String topic, int count, int oversized, List<Article> good, int goodEvery) {
        List<Item> items = new ArrayList<>();
        int nextGood = 0;
        for (int i = 0; i < count; i++) {
            String id = (topic.equals(Topics.ARTICLES_RAW.name()) ? "poison-raw-" : "poison-enriched-") + i;
            int large = i - (count - oversized);
            items.add(large >= 0 ? oversized(topic, id, 340_000 + (int) ((long) large * 660_000
                    / Math.max(1, oversized - 1)))
                    : article(topic, ARTICLE_POISON.get(i % ARTICLE_POISON.size()), id, i / ARTICLE_POISON.size()));
            if ((i + 1) % goodEvery == 0 && nextGood < good.size()) {
                items.add(good(topic, good.get(nextGood++)));
            }
        }
        good.subList(nextGood, good.size()).forEach(a -> items.add(good(topic, a)));
        return items;
    }

    /** Watches no sink can hold, then {@code good} (a watch that must work after them). */
    static List<Item> watches(Watch good) {
        String topic = Topics.WATCHES.name();
        StringBuilder languages = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            languages.append(i == 0 ? "" : ",").append("\"l").append(i).append('"');
        }
        StringBuilder terms = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            terms.append(i == 0 ? "" : ",").append("{\"text\":\"term").append(i).append("\",\"weight\":1}");
        }
        String nested = "(".repeat(10_000) + WATCHED + ")".repeat(10_000);
        return List.of(
                item(Kind.WATCH_LANGUAGES, topic, "poison-watch-languages", "{\"id\":\"poison-watch-languages\","
                        + "\"name\":\"many languages\",\"query\":\"" + WATCHED + "\",\"languages\":[" + languages
                        + "]}"),
                item(Kind.WATCH_TERMS, topic, "poison-watch-terms", "{\"id\":\"poison-watch-terms\",\"name\":\"many "
                        + "terms\",\"terms\":[" + terms + "],\"threshold\":2}"),
                item(Kind.WATCH_NESTING, topic, "poison-watch-nesting", "{\"id\":\"poison-watch-nesting\","
                        + "\"name\":\"nested\",\"query\":\"" + nested + "\"}"),
                item(Kind.WATCH_MALFORMED, topic, "poison-watch-malformed", "{\"id\":\"poison-watch-malformed\","
                        + "\"query\":"),
                new Item(Kind.GOOD, topic, utf8(good.id()), utf8(RaqibJson.write(good))));
    }

    /** A valid article for {@code topic}. */
    static Item good(String topic, Article a) {
        return new Item(Kind.GOOD, topic, utf8(a.id()), utf8(RaqibJson.write(a)));
    }

    private static Item oversized(String topic, String id, int bytes) {
        StringBuilder body = new StringBuilder(bytes);
        for (int i = 0; body.length() < bytes - 200; i++) {
            body.append("filler").append(i % 9_973).append(i % 17 == 16 ? ". " : " ");
        }
        Article a = new Article(id, "https://poison.example/" + id, "poison", "oversized " + id, body.toString(),
                null, null, null, null);
        return new Item(Kind.OVERSIZED, topic, utf8(id), utf8(RaqibJson.write(a)));
    }

    /** Variant {@code n} of poison {@code kind} carrying {@code id}. */
    private static Item article(String topic, Kind kind, String id, int n) {
        String text = "\"title\":\"poison " + WATCHED + "\",\"body\":\"" + WATCHED + " poison body\"";
        return switch (kind) {
            case MALFORMED_JSON -> item(kind, topic, id, List.of("{\"id\":\"" + id + "\"," + text.substring(0, 20),
                    "not json " + id, "{\"id\":\"" + id + "\",," + text + "}", "").get(n % 4));
            case WRONG_TYPES -> item(kind, topic, id, List.of(
                    "{\"id\":\"" + id + "\"," + text + ",\"published\":\"yesterday\"}",
                    "{\"id\":\"" + id + "\",\"title\":{},\"body\":\"" + WATCHED + "\"}",
                    "{\"id\":\"" + id + "\",\"title\":\"t\",\"body\":[\"" + WATCHED + "\",\"b\"]}",
                    "[\"" + id + "\"]", "42").get(n % 5));
            case INVALID_UTF8 -> {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(utf8("{\"id\":\"" + id + "\",\"title\":\"" + WATCHED));
                b.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE});
                b.writeBytes(utf8("\",\"body\":\"" + WATCHED + "\"}"));
                yield new Item(kind, topic, utf8(id), b.toByteArray());
            }
            case DEEP_NESTING -> item(kind, topic, id, n % 2 == 0
                    ? "{\"id\":\"" + id + "\"," + text + ",\"extra\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}"
                    : "{\"id\":\"" + id + "\"," + text + ",\"categories\":" + "{\"a\":".repeat(DEPTH) + "1"
                            + "}".repeat(DEPTH) + "}");
            case CONTROL_BIDI_ID -> {
                String bad = List.of(id + "\u202Eevil", "\u0007" + id, id + "\u2066x\u2069", id + "\r\n\u0000")
                        .get(n % 4);
                yield new Item(kind, topic, utf8(bad), utf8("{\"id\":" + RaqibJson.write(bad) + "," + text + "}"));
            }
            case NULL_VALUE -> new Item(kind, topic, utf8(id), n % 2 == 0 ? null : utf8("null"));
            case MISSING_ID -> new Item(kind, topic, n % 4 == 0 ? null : utf8(id), utf8(List.of("{" + text + "}",
                    "{\"id\":\"\"," + text + "}", "{\"id\":null," + text + "}", "{\"id\":\"   \"," + text + "}")
                    .get(n % 4)));
            default -> throw new IllegalArgumentException(kind + " is not an article poison");
        };
    }

    private static Item item(Kind kind, String topic, String key, String value) {
        return new Item(kind, topic, utf8(key), utf8(value));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code items} in order and waits for every acknowledgement; where each landed. */
    static List<Sent> send(String bootstrapServers, List<Item> items) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 << 20);
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (Item item : items) {
                acks.add(producer.send(new ProducerRecord<>(item.topic(), item.key(), item.value())));
            }
            producer.flush();
            List<Sent> sent = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                RecordMetadata m = acks.get(i).get();
                Item item = items.get(i);
                sent.add(new Sent(item.kind(), m.topic(), m.partition(), m.offset(),
                        item.key() == null ? null : new String(item.key(), StandardCharsets.UTF_8)));
            }
            return sent;
        }
    }
}
