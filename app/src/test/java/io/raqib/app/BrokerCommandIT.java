package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.app.faults.RaqibProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code raqib broker} as its own process: ready line, restart after kill -9 on the same data, clear refusals. */
class BrokerCommandIT {

    private static final Duration START = Duration.ofMinutes(2);

    @Test
    void brokerKeepsItsDataAcrossKillNineRefusesATakenPortOrDirectoryAndStopsOnSigterm(@TempDir Path tmp)
            throws Exception {
        int port = freePort();
        Path data = tmp.resolve("data");
        List<RaqibProcess> started = new ArrayList<>();
        try {
            RaqibProcess first = broker(started, tmp, "first", data, port);
            String bootstrap = "127.0.0.1:" + port;
            assertThat(first.stdoutLines()).containsExactly(
                    "raqib broker: listening on " + bootstrap + " (data " + data + ")");
            write(bootstrap, "kept", "written before kill -9");

            RaqibProcess samePort = start(started, tmp, "same-port", tmp.resolve("other"), port);
            assertThat(samePort.awaitExit(START)).hasValue(1);
            assertThat(samePort.stderrTail(50)).isEqualTo(
                    "raqib broker: port " + port + " on 127.0.0.1 is already in use (another broker? choose one "
                            + "with --port)");

            RaqibProcess sameDir = start(started, tmp, "same-dir", data, freePort());
            assertThat(sameDir.awaitExit(START)).hasValue(1);
            assertThat(sameDir.stderrTail(50)).isEqualTo(
                    "raqib broker: " + data + " is in use by another Kafka broker");

            first.kill();
            RaqibProcess again = broker(started, tmp, "again", data, port);
            assertThat(read(bootstrap, "kept")).containsExactly("written before kill -9");

            // A JVM ended by SIGTERM exits 128 + 15 once its shutdown hooks (here: the broker's close) are done.
            assertThat(again.stop(START)).as("SIGTERM stops the broker").hasValue(143);
            assertThat(again.stderrTail(50)).as("no error while closing").isEmpty();
        } finally {
            for (RaqibProcess p : started) {
                p.close();
            }
        }
    }

    @Test
    void unusableDataDirectoryIsRefusedWithTheReason(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
        try (RaqibProcess broker = RaqibProcess.start("broker", tmp, Map.of(),
                List.of("broker", "--data-dir", file.resolve("data").toString(), "--port",
                        Integer.toString(freePort())))) {
            assertThat(broker.awaitExit(START)).hasValue(1);
            assertThat(broker.stderrTail(50)).startsWith("raqib broker: --data-dir " + file.resolve("data")
                    + " cannot be created").doesNotContain("\tat ");
        }
    }

    private static RaqibProcess broker(List<RaqibProcess> started, Path tmp, String name, Path data, int port)
            throws Exception {
        RaqibProcess broker = start(started, tmp, name, data, port);
        assertThat(broker.awaitOutput(Pattern.compile("^raqib broker: listening on "), START))
                .as("%s ready; stderr: %s", name, broker.stderrTail(30)).isTrue();
        return broker;
    }

    private static RaqibProcess start(List<RaqibProcess> started, Path tmp, String name, Path data, int port)
            throws IOException {
        RaqibProcess p = RaqibProcess.start(name, tmp, Map.of(),
                List.of("broker", "--data-dir", data.toString(), "--port", Integer.toString(port)));
        started.add(p);
        return p;
    }

    private static void write(String bootstrap, String topic, String value) throws Exception {
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(a)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static List<String> read(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + START.toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
