package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Watch;
import io.raqib.sink.SinkService;
import io.raqib.sink.watches.WatchFiles;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchSeeder;
import io.raqib.sink.watches.WatchStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watches file given to the sink is published to raqib.watches, so the CLI, the API and every sink see the same
 * watches: listed and deleted by {@code raqib watches}, a deletion surviving a restart with the same file, and two
 * sinks started together publishing each watch once.
 */
class WatchesFileIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @Test
    void theFileSeedsTheTopicWhichStaysTheTruthAcrossRestarts(@TempDir Path dir) throws Exception {
        RaqibConfig config = SharedBroker.config("watches-file");
        String prefix = unique();
        Watch kept = watch(prefix + "-kept", "wheat");
        Watch removed = watch(prefix + "-removed", "flour");
        Watch edited = watch(prefix + "-edited", "bread");
        Path file = write(dir, kept, removed, edited);

        try (SinkService sink = start(config, file)) {
            assertThat(sink.seeded().published()).containsExactlyInAnyOrder(kept.id(), removed.id(), edited.id());
            assertThat(sink.registry().get(kept.id())).as("loaded from the topic").isEqualTo(kept);
        }
        assertThat(listed(config)).contains(kept.id(), removed.id(), edited.id());

        assertThat(RaqibCli.run("watches", "rm", "--bootstrap-servers", config.bootstrapServers(), removed.id()))
                .as(console.err()).isZero();
        Watch changedByCli = watch(edited.id(), "bread AND prices");
        assertThat(RaqibCli.run("watches", "add", "--bootstrap-servers", config.bootstrapServers(),
                "--id", changedByCli.id(), "--name", changedByCli.name(), "--query", changedByCli.query()))
                .as(console.err()).isZero();

        try (SinkService restarted = start(SharedBroker.secondInstance(config), file)) {
            WatchSeeder.Outcome outcome = restarted.seeded();
            assertThat(outcome.published()).isEmpty();
            assertThat(outcome.stored()).containsExactly(kept.id());
            assertThat(outcome.deleted()).containsExactly(removed.id());
            assertThat(outcome.changed()).containsExactly(edited.id());
            assertThat(restarted.registry().get(removed.id())).as("deleted stays deleted").isNull();
            assertThat(restarted.registry().get(edited.id())).as("the CLI's change wins").isEqualTo(changedByCli);
        }
        assertThat(listed(config)).contains(kept.id(), edited.id()).doesNotContain(removed.id());

        Watch keptEdited = watch(kept.id(), "wheat AND harvest");
        try (SinkService withEditedFile = start(config, write(dir, keptEdited, removed, edited))) {
            assertThat(withEditedFile.seeded().published()).as("a file watch edited in the file")
                    .containsExactly(kept.id());
            assertThat(withEditedFile.registry().get(kept.id())).isEqualTo(keptEdited);
            assertThat(withEditedFile.registry().get(removed.id())).isNull();
        }
        assertThat(RaqibCli.run("replay", "--bootstrap-servers", config.bootstrapServers(), "--watch", kept.id(),
                "--from", "2026-01-01T00:00:00Z")).as(console.err()).isZero();
    }

    @Test
    void twoSinksStartedTogetherWithOneFilePublishEachWatchOnce(@TempDir Path dir) throws Exception {
        RaqibConfig first = SharedBroker.config("watches-file-twice");
        RaqibConfig second = SharedBroker.secondInstance(first);
        String prefix = unique();
        List<Watch> watches = Stream.of("a", "b", "c").map(s -> watch(prefix + "-" + s, "harvest" + s)).toList();
        Path file = write(dir, watches.toArray(Watch[]::new));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<SinkService> sinks = new ArrayList<>();
        try {
            List<Future<SinkService>> starting = new ArrayList<>();
            for (RaqibConfig config : List.of(first, second)) {
                starting.add(pool.submit(() -> {
                    SinkService sink = new SinkService(config, WatchFiles.read(file, config.sink().watchLimits()));
                    synchronized (sinks) {
                        sinks.add(sink);
                    }
                    sink.start(WAIT);
                    return sink;
                }));
            }
            for (Future<SinkService> f : starting) {
                f.get();
            }
            List<String> published = sinks.stream().flatMap(s -> s.seeded().published().stream()).toList();
            assertThat(published).as("each watch published by one of the two")
                    .containsExactlyInAnyOrderElementsOf(watches.stream().map(Watch::id).toList());
            for (SinkService sink : sinks) {
                assertThat(sink.registry().all()).containsAll(watches);
            }
        } finally {
            pool.shutdownNow();
            for (SinkService sink : sinks) {
                sink.close();
            }
        }
        List<ConsumerRecord<String, Watch>> records = KafkaTestClients.readUntil(first.bootstrapServers(),
                Topics.WATCHES, r -> r.key().startsWith(prefix), watches.size() + 1, Duration.ofSeconds(5));
        assertThat(records).as("one committed record per watch").extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(watches.stream().map(Watch::id).toList());
    }

    @Test
    void aFileWatchMutedThroughTheApiStaysTheFilesAndAnEditOfTheFileKeepsTheMute(@TempDir Path dir)
            throws Exception {
        RaqibConfig config = SharedBroker.config("watches-file-mute");
        Watch seeded = watch(unique() + "-muted", "millet");
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        try (SinkService sink = start(config, write(dir, seeded));
             WatchStore store = new WatchStore(new KafkaClients(config), sink.registry(),
                     new WatchAdmission(config.sink()))) {
            assertThat(store.mute(seeded.id(), until)).isEqualTo(seeded.withMutedUntil(until));
        }
        try (SinkService restarted = start(config, write(dir, seeded))) {
            assertThat(restarted.seeded().stored()).as("muted, yet stored alike").containsExactly(seeded.id());
        }
        Watch edited = watch(seeded.id(), "millet AND sorghum");
        try (SinkService withEditedFile = start(config, write(dir, edited))) {
            assertThat(withEditedFile.seeded().published()).as("still the file's watch").containsExactly(seeded.id());
            assertThat(withEditedFile.registry().get(seeded.id())).as("the file's edit, muted as before")
                    .isEqualTo(edited.withMutedUntil(until));
        }
    }

    @Test
    void ingestSkipsAWatchesFileInAFolderOfArticlesNamingIt(@TempDir Path dir) throws Exception {
        RaqibConfig config = SharedBroker.config("watches-file-ingest");
        String marker = unique();
        Files.writeString(dir.resolve("story.txt"), "Harvest of " + marker + "\nBy Desk\nFarmers report " + marker
                + " yields.\n");
        Path watches = write(dir, watch(marker, "harvest"));

        int exit = RaqibCli.run("ingest", "--bootstrap-servers", config.bootstrapServers(), dir.toString());

        assertThat(exit).as(console.err()).isZero();
        assertThat(console.err().lines().filter(l -> l.contains("skipped")).toList()).containsExactly(
                "raqib ingest: skipped " + watches + ": a watches file (entries with a query, no title or body), "
                        + "not articles");
        assertThat(console.out()).contains("rejected 0");
    }

    @Test
    void watchesCommandsAgainstAClosedPortFailNamingTheServers() throws Exception {
        String servers = "127.0.0.1:" + closedPort();

        int exit = RaqibCli.run("watches", "list", "--bootstrap-servers", servers);

        assertThat(exit).isNotZero();
        assertThat(console.err()).contains("raqib watches list: cannot read raqib.watches at " + servers)
                .contains("raqib.bootstrap.servers");
        assertThat(console.out()).isEmpty();
    }

    private static SinkService start(RaqibConfig config, Path file) throws Exception {
        SinkService sink = new SinkService(config, WatchFiles.read(file, config.sink().watchLimits()));
        try {
            sink.start(WAIT);
            return sink;
        } catch (Exception | AssertionError e) {
            sink.close();
            throw e;
        }
    }

    private List<String> listed(RaqibConfig config) {
        int before = console.out().length();
        assertThat(RaqibCli.run("watches", "list", "--bootstrap-servers", config.bootstrapServers()))
                .as(console.err()).isZero();
        return console.out().substring(before).lines().map(l -> {
            try {
                return RaqibJson.mapper().readValue(l, Watch.class).id();
            } catch (IOException e) {
                throw new AssertionError("not a watch: " + l, e);
            }
        }).toList();
    }

    private static Path write(Path dir, Watch... watches) throws IOException {
        return Files.write(dir.resolve("watches.json"), RaqibJson.mapper().writeValueAsBytes(List.of(watches)));
    }

    private static Watch watch(String id, String query) {
        return new Watch(id, id, query, null, null, List.of(), null, null);
    }

    private static String unique() {
        return "wf" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
