package io.raqib.app;

import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Alert;
import io.raqib.core.model.Watch;
import io.raqib.sink.WatchReplay;
import io.raqib.sink.delivery.DeskTopics;
import io.raqib.sink.gate.AlertCandidate;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code raqib replay --watch ID --from DATE}: one watch over the retained {@code raqib.articles.enriched}
 * history. Alerts (marked {@code "replay": true}) go to stdout, one CloudEvent JSON per line; with
 * {@code --publish} also to {@code raqib.alerts} (and the desk topic), like live alerts.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run one watch over past enriched articles (from a point in time) and print its alerts, "
                + "marked \"replay\": true, one CloudEvent JSON per line; progress on stderr.",
            "The watch is a stored one (--watch ID) or read from --watch-file."})
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--watch", paramLabel = "ID", description = "Id of a stored watch (raqib.watches).")
    String watchId;

    @Option(names = "--watch-file", paramLabel = "FILE", description = "A watch (JSON) not stored yet.")
    Path watchFile;

    @Option(names = "--from", required = true, paramLabel = "DATE",
            description = "Start time, ISO-8601 (e.g. 2026-11-01T00:00:00Z).")
    Instant from;

    @Option(names = "--publish", description = "Also publish the alerts to raqib.alerts (and raqib.alerts.<desk>).")
    boolean publish;

    @Override
    public Integer call() throws Exception {
        RaqibConfig config = kafka.config(Map.of());
        KafkaClients clients = new KafkaClients(config);
        Watch watch = watch(config);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        ProgressBar[] bar = new ProgressBar[1];
        try (KafkaProducer<String, Alert> producer = publish ? producer(clients) : null;
             DeskTopics desks = publish ? new DeskTopics(config) : null) {
            long alerts = new WatchReplay(clients).run(watch, from,
                    range -> bar[0] = new ProgressBarBuilder().setTaskName("replay " + watch.id())
                            .setInitialMax(range.size()).setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                            .build(),
                    read -> bar[0].stepTo(read),
                    c -> {
                        out.println(RaqibJson.write(c.alert()));
                        out.flush();
                        if (producer != null) {
                            send(producer, desks, c);
                        }
                    });
            if (producer != null) {
                producer.flush();
            }
            bar[0].close();
            System.err.printf("raqib replay: %d alerts for watch %s since %s%n", alerts, watch.id(), from);
        }
        return 0;
    }

    private Watch watch(RaqibConfig config) throws Exception {
        if (watchFile != null) {
            List<Watch> watches = WatchesCommand.readWatches(watchFile);
            if (watches.size() != 1) {
                throw new IllegalArgumentException(watchFile + ": holds " + watches.size() + " watches, replay one");
            }
            return watches.get(0);
        }
        if (watchId == null) {
            throw new IllegalArgumentException("give --watch ID or --watch-file FILE");
        }
        return WatchesCommand.stored(config).stream().filter(w -> w.id().equals(watchId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stored watch '" + watchId + "'"));
    }

    private static KafkaProducer<String, Alert> producer(KafkaClients clients) {
        return new KafkaProducer<>(clients.producer(Map.of()), Topics.ALERTS.keySerde().serializer(),
                Topics.ALERTS.valueSerde().serializer());
    }

    private static void send(KafkaProducer<String, Alert> producer, DeskTopics desks, AlertCandidate c) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", io.raqib.sink.SinkTopology.CLOUDEVENTS_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), null, c.watchId(), c.alert(), headers));
        if (c.desk() != null) {
            desks.ensure(c.desk());
            producer.send(new ProducerRecord<>(DeskTopics.topicOf(c.desk()), null, c.watchId(), c.alert(), headers));
        }
    }
}
