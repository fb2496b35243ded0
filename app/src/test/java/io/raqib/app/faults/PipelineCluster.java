package io.raqib.app.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The pipeline as separate OS processes from the built jar: {@code raqib broker} on a data folder and a fixed port,
 * and named enrich and sink instances, each killed and restarted on demand with the same settings (state folder,
 * instance id, HTTP port). It also plays the orchestrator: {@link #supervise()} restarts a stage that exited by
 * itself, as a container platform would, and records that it had to.
 */
public final class PipelineCluster implements AutoCloseable {

    /** How long a process may take to print its ready line on a busy two-core machine. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern BROKER_READY = Pattern.compile("^raqib broker: listening on ");

    /** A stage: {@code enrich} or {@code sink}, with the line its process prints when it runs. */
    public enum Stage {
        ENRICH("enrich", Pattern.compile("^raqib enrich: running")),
        SINK("sink", Pattern.compile("^raqib sink: running"));

        private final String command;
        private final Pattern ready;

        Stage(String command, Pattern ready) {
            this.command = command;
            this.ready = ready;
        }

        /** The {@code raqib} subcommand. */
        public String command() {
            return command;
        }
    }

    private final Path dir;
    private final int port;
    private final Path watchesFile;
    private final boolean staticMembership;
    /** Read by the memory sampler's thread too, hence the concurrent collections. */
    private final Map<String, Instance> instances = new ConcurrentSkipListMap<>();
    private final List<String> unexpectedExits = new CopyOnWriteArrayList<>();
    private volatile RaqibProcess broker;
    private int brokerStarts;
    private boolean brokerExitRecorded;

    private record Instance(String name, Stage stage, Map<String, String> env, List<RaqibProcess> runs) {

        RaqibProcess current() {
            return runs.get(runs.size() - 1);
        }
    }

    /**
     * A cluster working in {@code dir}; {@code staticMembership} gives each instance its name as
     * {@code RAQIB_INSTANCE_ID}.
     */
    public PipelineCluster(Path dir, Path watchesFile, boolean staticMembership) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.watchesFile = watchesFile;
        this.staticMembership = staticMembership;
    }

    /** Starts the broker (fresh or on its existing data) and waits until it listens. */
    public void startBroker() throws IOException, InterruptedException {
        brokerStarts++;
        brokerExitRecorded = false;
        broker = RaqibProcess.start("broker-" + brokerStarts, dir.resolve("logs"), Map.of(), List.of("broker",
                "--data-dir", dir.resolve("kafka").toString(), "--port", Integer.toString(port)));
        awaitReady(broker, BROKER_READY);
    }

    /** {@code kill -9} of the broker. */
    public void killBroker() throws InterruptedException {
        broker.kill();
    }

    /** {@code host:port} of the broker, stable across its restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts a new instance {@code name} of {@code stage} without waiting for it. */
    public void startStage(String name, Stage stage) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RAQIB_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("RAQIB_STATE_DIR", dir.resolve("state").resolve(name).toString());
        if (staticMembership) {
            env.put("RAQIB_INSTANCE_ID", name);
        }
        // Every stage serves /health and /metrics: a port of its own on this one host.
        env.put("RAQIB_HTTP_PORT", Integer.toString(freePort()));
        if (stage == Stage.SINK) {
            env.put("RAQIB_WATCHES_FILE", watchesFile.toString());
        }
        Instance instance = new Instance(name, stage, env, new CopyOnWriteArrayList<>());
        instances.put(name, instance);
        launch(instance);
    }

    /** Waits until instance {@code name} prints its ready line. */
    public void awaitReady(String name) throws InterruptedException {
        Instance instance = instances.get(name);
        awaitReady(instance.current(), instance.stage().ready);
    }

    /** Whether the current process of instance {@code name} has printed its ready line. */
    public boolean ready(String name) {
        Instance instance = instances.get(name);
        return instance.current().stdoutLines().stream().anyMatch(l -> instance.stage().ready.matcher(l).find());
    }

    /** {@code kill -9} of instance {@code name}; it stays down until {@link #restart}. */
    public void kill(String name) throws InterruptedException {
        instances.get(name).current().kill();
    }

    /** SIGTERM to instance {@code name}, as an orchestrator scaling down would; returns once it has exited. */
    public void stop(String name) throws InterruptedException {
        instances.get(name).current().stop(START_TIMEOUT);
    }

    /** Starts instance {@code name} again with the same settings (state folder, instance id, ports). */
    public void restart(String name) throws IOException {
        launch(instances.get(name));
    }

    /**
     * Restarts every stage instance that exited without being told to (a crash, or an exit on a fatal error) and
     * records it; the broker is only recorded. Returns the number of restarts made now.
     */
    public int supervise() throws IOException {
        int restarted = 0;
        for (Instance instance : instances.values()) {
            RaqibProcess p = instance.current();
            if (!p.isAlive() && !p.stoppedOnPurpose()) {
                unexpectedExits.add(p.name() + " exited with " + p.exitCode() + ": " + p.lastErrors(4));
                launch(instance);
                restarted++;
            }
        }
        if (broker != null && !broker.isAlive() && !broker.stoppedOnPurpose() && !brokerExitRecorded) {
            brokerExitRecorded = true;
            unexpectedExits.add(broker.name() + " exited with " + broker.exitCode() + ": " + broker.lastErrors(4));
        }
        return restarted;
    }

    /** Every exit the cluster did not cause, with the end of the process's error output. */
    public List<String> unexpectedExits() {
        return List.copyOf(unexpectedExits);
    }

    /** The running process of each role ({@code broker}, instance names), for memory samples. */
    public Map<String, RaqibProcess> current() {
        Map<String, RaqibProcess> out = new LinkedHashMap<>();
        if (broker != null) {
            out.put("broker", broker);
        }
        instances.forEach((name, instance) -> out.put(name, instance.current()));
        return out;
    }

    /** The last lines of error output of every process run so far, for a failure report. */
    public String diagnostics() {
        StringBuilder b = new StringBuilder();
        List<RaqibProcess> all = new ArrayList<>();
        if (broker != null) {
            all.add(broker);
        }
        instances.values().forEach(i -> all.add(i.current()));
        for (RaqibProcess p : all) {
            b.append("--- ").append(p.name()).append(p.isAlive() ? " (running)" : " (ended)").append('\n')
                    .append(p.lastErrors(10)).append('\n');
        }
        return b.toString();
    }

    private void launch(Instance instance) throws IOException {
        String name = instance.name() + "-" + (instance.runs().size() + 1);
        instance.runs().add(RaqibProcess.start(name, dir.resolve("logs"), instance.env(),
                List.of(instance.stage().command())));
    }

    private static void awaitReady(RaqibProcess p, Pattern ready) throws InterruptedException {
        if (!p.awaitOutput(ready, START_TIMEOUT)) {
            throw new IllegalStateException(p.name() + " not ready within " + START_TIMEOUT + (p.isAlive() ? ""
                    : " (exited with " + p.exitCode() + ")") + "; stderr:\n" + p.lastErrors(10));
        }
    }

    /** A TCP port on loopback that was free a moment ago (for a process about to listen on it). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Instance instance : instances.values()) {
            instance.current().close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
