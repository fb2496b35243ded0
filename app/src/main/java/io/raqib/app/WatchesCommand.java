package io.raqib.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.core.model.Watch;
import io.raqib.enrich.ArticleEnricher;
import io.raqib.enrich.LanguageDetector;
import io.raqib.ingest.ArticleFileReader;
import io.raqib.ingest.WatchFileShape;
import io.raqib.sink.watches.InvalidWatchException;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchJson;
import io.raqib.sink.watches.WatchQueryParser;
import io.raqib.sink.watches.WatchTester;
import io.raqib.sink.watches.WatchTopicSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code raqib watches add|list|rm|test}. {@code add}, {@code list} and {@code rm} talk to the compacted
 * {@code raqib.watches} topic directly (no running API needed; every sink applies changes within seconds);
 * {@code test} runs locally and stores nothing.
 */
@Command(name = "watches", mixinStandardHelpOptions = true,
        description = "Manage watches in the raqib.watches topic, or test one on a text.",
        subcommands = {WatchesCommand.Add.class, WatchesCommand.ListWatches.class, WatchesCommand.Remove.class,
            WatchesCommand.Test.class})
public final class WatchesCommand {

    /** How long a cluster call may take: an unreachable cluster fails the command this soon, naming it. */
    static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(10);

    /** Reads every live watch from the topic (records that are not valid under {@code config}'s limits skipped). */
    static List<Watch> stored(RaqibConfig config) {
        WatchQueryParser parser = new WatchQueryParser(config.sink().watchLimits());
        return WatchTopicSnapshot.read(new KafkaClients(config), CLUSTER_TIMEOUT).live().stream()
                .filter(w -> valid(parser, w)).toList();
    }

    /** Whether a sink would apply this stored watch (the same check as its listener's). */
    private static boolean valid(WatchQueryParser parser, Watch watch) {
        try {
            parser.compile(watch);
            return true;
        } catch (InvalidWatchException | StackOverflowError e) {
            return false;
        }
    }

    static void send(RaqibConfig config, String id, Watch value) throws Exception {
        try (KafkaProducer<String, Watch> producer = new KafkaProducer<>(new KafkaClients(config).producer(Map.of()),
                Topics.WATCHES.keySerde().serializer(), Topics.WATCHES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.WATCHES.name(), id, value)).get();
        }
    }

    /** Watches from a JSON file holding one watch or an array of them. */
    static List<Watch> readWatches(Path file) throws IOException {
        try {
            JsonNode tree = RaqibJson.mapper().readTree(Files.readAllBytes(file));
            List<Watch> out = new ArrayList<>();
            for (JsonNode node : tree.isArray() ? tree : List.of(tree)) {
                String entry = file + ": entry " + (out.size() + 1) + ": ";
                if (node.isNull()) {
                    throw new IOException(entry + "null instead of a watch");
                }
                try {
                    out.add(WatchJson.read(node));
                } catch (InvalidWatchException e) {
                    throw new IOException(entry + e.getMessage(), e);
                }
            }
            return out;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IOException(file + where + ": not a watch or an array of watches: " + e.getOriginalMessage(), e);
        }
    }

    /** Options naming one watch on the command line, or a file of them. */
    static final class WatchOptions {

        @Option(names = "--file", paramLabel = "FILE", description = "JSON file: one watch or an array.")
        Path file;

        @Option(names = "--id", paramLabel = "ID", description = "Watch id.")
        String id;

        @Option(names = "--name", paramLabel = "NAME", description = "Watch name (default: the id).")
        String name;

        @Option(names = "--query", paramLabel = "QUERY", description = "Lucene classic query (default field text).")
        String query;

        @Option(names = "--desk", paramLabel = "DESK", description = "Desk (alerts also go to raqib.alerts.<desk>).")
        String desk;

        @Option(names = "--language", paramLabel = "CODE", description = "Restrict to this language (repeatable).")
        List<String> languages = new ArrayList<>();

        @Option(names = "--throttle", paramLabel = "DURATION", description = "At most one alert per window, e.g. PT1H.")
        Duration throttle;

        @Option(names = "--webhook", paramLabel = "URL",
                description = "POST each alert here (must be under raqib.webhook.allow).")
        String webhook;

        List<Watch> watches(String defaultId) throws IOException {
            if (file != null) {
                return readWatches(file);
            }
            if (query == null) {
                throw new IllegalArgumentException("give --file FILE or --query QUERY");
            }
            String watchId = id != null ? id : defaultId;
            return List.of(new Watch(watchId, name != null ? name : watchId, query, null, desk, languages, throttle,
                    webhook));
        }

        /** Runs {@code check} on each watch; for a file, an invalid watch's error names the file and its entry. */
        void requireValid(List<Watch> watches, Consumer<Watch> check) {
            for (int i = 0; i < watches.size(); i++) {
                try {
                    check.accept(watches.get(i));
                } catch (InvalidWatchException e) {
                    if (file == null) {
                        throw e;
                    }
                    throw new IllegalArgumentException(file + ": entry " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Validate watches and store them in raqib.watches (create or replace).")
    static final class Add implements Callable<Integer> {

        @Mixin
        KafkaOptions kafka;

        @Mixin
        WatchOptions watch;

        @Override
        public Integer call() throws Exception {
            RaqibConfig config = kafka.config(Map.of());
            List<Watch> watches = watch.watches(null);
            WatchAdmission admission = new WatchAdmission(config.sink());
            watch.requireValid(watches, w -> admission.check(w, List.of()));
            List<Watch> existing = stored(config);
            for (Watch w : watches) {
                Watch admitted = admission.check(w, existing);
                send(config, admitted.id(), admitted);
                System.out.println("raqib watches: stored " + w.id());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored watches, one JSON per line.")
    static final class ListWatches implements Callable<Integer> {

        @Mixin
        KafkaOptions kafka;

        @Option(names = "--desk", paramLabel = "DESK", description = "Only this desk's watches.")
        String desk;

        @Override
        public Integer call() throws Exception {
            for (Watch w : stored(kafka.config(Map.of()))) {
                if (desk == null || desk.equals(w.desk())) {
                    System.out.println(RaqibJson.mapper().writeValueAsString(w));
                }
            }
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete watches (tombstones in raqib.watches).")
    static final class Remove implements Callable<Integer> {

        @Mixin
        KafkaOptions kafka;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Ids of the watches to delete.")
        List<String> ids;

        @Override
        public Integer call() throws Exception {
            RaqibConfig config = kafka.config(Map.of());
            Set<String> known = new java.util.HashSet<>(stored(config).stream().map(Watch::id).toList());
            int missing = 0;
            for (String id : ids) {
                if (!known.contains(id)) {
                    System.err.println("raqib watches rm: no watch '" + id + "'");
                    missing++;
                    continue;
                }
                send(config, id, null);
                System.out.println("raqib watches: deleted " + id);
            }
            return missing == 0 ? 0 : 1;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run a watch on a text or article files and print the result with highlights (JSON).",
                "Stores nothing and needs no broker."})
    static final class Test implements Callable<Integer> {

        @Mixin
        WatchOptions watch;

        @Option(names = "--text", paramLabel = "TEXT", description = "Text to test (instead of INPUT files).")
        String text;

        @Option(names = "--title", paramLabel = "TITLE", description = "Title for --text.")
        String title;

        @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Article files or folders.")
        List<Path> inputs = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            List<Watch> watches = watch.watches("test");
            List<Article> articles = new ArrayList<>();
            if (text != null) {
                articles.add(new Article("text", null, "cli-test", title == null ? "" : title, text, null, null, null,
                        Instant.now()));
            }
            ArticleFileReader reader = new ArticleFileReader();
            for (Path file : ArticleFileReader.list(inputs, Set.of())) {
                if (WatchFileShape.matches(file)) {
                    System.err.println("raqib watches test: " + WatchFileShape.skipNotice(file));
                    continue;
                }
                reader.read(file, articles::add, e -> {
                    throw e;
                });
            }
            if (articles.isEmpty()) {
                throw new IllegalArgumentException("give --text TEXT or INPUT files");
            }
            RaqibConfig config = RaqibConfig.load(null, Map.of());
            watch.requireValid(watches, new WatchQueryParser(config.sink().watchLimits())::compile);
            ArticleEnricher enricher = new ArticleEnricher(new LanguageDetector(), config.enrich());
            boolean any = false;
            for (Article article : articles) {
                var enriched = enricher.enrich(article);
                for (Watch w : watches) {
                    WatchTester.Result result = WatchTester.test(w, enriched, config.sink().watchLimits());
                    any |= result.matched();
                    System.out.println(RaqibJson.mapper().writeValueAsString(Map.of("articleId", article.id(),
                            "result", result)));
                }
            }
            return any ? 0 : 3;
        }
    }
}
