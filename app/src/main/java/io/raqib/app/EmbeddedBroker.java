package io.raqib.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, broker + controller roles) running in this process on free
 * loopback ports. Its data directory is deleted on close unless the caller supplied one to keep.
 */
public final class EmbeddedBroker implements AutoCloseable {

    /** A class of the broker itself: raqib-service.jar leaves the broker (kafka_2.13, kafka-server, Scala) out. */
    private static final String BROKER_CLASS = "kafka.server.KafkaRaftServer";

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int brokerPort;
    /** The SASL mechanism of the extra {@code SASL_PLAINTEXT} listener, or null for none. */
    private final String saslMechanism;
    private final int saslPort;
    private KafkaRaftServer server;

    private EmbeddedBroker(Path dataDir, boolean deleteOnClose, int port, String saslMechanism) throws IOException {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = port == 0 ? freePort() : port;
        this.saslMechanism = saslMechanism;
        this.saslPort = saslMechanism == null ? 0 : freePort();
    }

    /**
     * Formats (when new) and starts a broker on a free port.
     *
     * @param dataDir where to keep the log; null for a temporary directory removed on close
     */
    public static EmbeddedBroker start(Path dataDir) throws IOException {
        return start(dataDir, 0);
    }

    /**
     * Formats (when new) and starts a broker on {@code port} (0 = a free one), so that a broker restarted on the
     * same data directory and port is the same cluster at the same address for its clients.
     *
     * @param dataDir where to keep the log; null for a temporary directory removed on close
     */
    public static EmbeddedBroker start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, null);
    }

    /**
     * A temporary broker that also has a {@code SASL_PLAINTEXT} listener on a free port authenticating users with
     * SCRAM {@code mechanism} ({@code SCRAM-SHA-256} or {@code -512}; create users with
     * {@code Admin#alterUserScramCredentials}), for tests of clients of a secured cluster.
     */
    static EmbeddedBroker startWithScramListener(String mechanism) throws IOException {
        return start(null, 0, mechanism);
    }

    /**
     * Fails with a clear message, rather than a {@code NoClassDefFoundError} half-way, when this jar has no broker
     * classes (raqib-service.jar): commands that need the embedded broker call it before they do anything.
     */
    public static void requireAvailable() {
        try {
            Class.forName(BROKER_CLASS, false, EmbeddedBroker.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("needs the embedded Kafka broker, which only raqib.jar has; this jar "
                    + "(raqib-service.jar) runs the stages against an external Kafka (--bootstrap-servers)");
        }
    }

    private static EmbeddedBroker start(Path dataDir, int port, String saslMechanism) throws IOException {
        requireAvailable();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1–65535, got " + port);
        }
        boolean temporary = dataDir == null;
        Path dir = temporary ? Files.createTempDirectory("raqib-kafka-") : dataDir;
        EmbeddedBroker broker = new EmbeddedBroker(dir, temporary, port, saslMechanism);
        broker.startServer();
        return broker;
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** {@code host:port} of the SASL_PLAINTEXT listener (see {@link #startWithScramListener}). */
    String saslBootstrapServers() {
        if (saslMechanism == null) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return "127.0.0.1:" + saslPort;
    }

    private void startServer() throws IOException {
        int controllerPort = freePort();
        Path logDir = dataDir.resolve("kraft-logs");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String sasl = saslMechanism == null ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort
                + sasl);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + sasl);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        if (saslMechanism != null) {
            props.put("sasl.enabled.mechanisms", saslMechanism);
            props.put("listener.name.sasl_plaintext." + saslMechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        format(props, logDir);
        refuseIfInUse(logDir);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
    }

    /** Formats the KRaft storage once; a reused data directory keeps its cluster id and topics. */
    private void format(Properties props, Path logDir) throws IOException {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(logDir);
        Path configFile = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            props.store(out, "raqib embedded broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--config", configFile.toString(),
            "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("formatting Kafka storage in " + logDir + " failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** A clear error instead of the broker's fatal start-up log when another broker holds the log directory. */
    private static void refuseIfInUse(Path logDir) throws IOException {
        Path lockFile = logDir.resolve(".lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IOException(logDir.getParent() + " is in use by another Kafka broker");
            }
        } catch (OverlappingFileLockException e) {
            throw new IOException(logDir.getParent() + " is in use by another Kafka broker in this process", e);
        }
    }

    /** A free loopback port, for the broker and for services started next to it. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (deleteOnClose) {
            Directories.deleteRecursively(dataDir);
        }
    }
}
