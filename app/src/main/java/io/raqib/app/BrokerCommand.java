package io.raqib.app;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code raqib broker}: the embedded KRaft broker as a process of its own, restartable on its data directory. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Run a single-node Kafka broker (KRaft) on 127.0.0.1 until Ctrl-C / SIGTERM, keeping its "
                + "log in --data-dir.",
            "Started again on the same directory and port (after a clean stop or a kill -9) it is the same cluster "
                + "with the same topics, offsets and consumer groups at the same address."})
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
            description = "Folder of the broker's log and metadata; created when missing, reused when present.")
    Path dataDir;

    @Option(names = "--port", paramLabel = "P", defaultValue = "9092",
            description = "Client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        EmbeddedBroker.requireAvailable();
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 1–65535, got " + port);
        }
        Path dir = usableDirectory(dataDir);
        checkPortFree(port);
        try (ShutdownSignal.Run run = ShutdownSignal.install();
             EmbeddedBroker broker = EmbeddedBroker.start(dir, port)) {
            System.out.println("raqib broker: listening on " + broker.bootstrapServers() + " (data " + dir + ")");
            ShutdownSignal.await();
        }
        return 0;
    }

    /** The data directory, created when missing; refused up front when it cannot hold the broker's log. */
    private static Path usableDirectory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new IllegalArgumentException("--data-dir " + absolute + " cannot be created: " + e, e);
        }
        if (!Files.isWritable(absolute)) {
            throw new IllegalArgumentException("--data-dir " + absolute + " is not writable");
        }
        return absolute;
    }

    /**
     * Fails with a clear message when another process listens on the port: the broker itself would report it only
     * as a fatal start-up error deep in its logs.
     */
    private static void checkPortFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            // Like the broker's own socket: a port left in TIME_WAIT by a killed broker counts as free.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (BindException e) {
            throw new IllegalArgumentException("port " + port + " on 127.0.0.1 is already in use (another broker? "
                    + "choose one with --port)", e);
        }
    }
}
