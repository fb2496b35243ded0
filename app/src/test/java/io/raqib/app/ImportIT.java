package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.kafka.Topics;
import io.raqib.core.model.Article;
import io.raqib.ingest.ArticleFileReader;
import io.raqib.ingest.ArticleValidator;
import io.raqib.ingest.KafkaImport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** {@code raqib import} of a SaudiNewsNet zip on the embedded broker: every article once, and never twice. */
class ImportIT {

    @Test
    void importingASaudiNewsNetZipTwicePublishesEachArticleOnceAndNothingTheSecondTime() throws Exception {
        Path zip = smallestSaudiNewsNetZip();
        RaqibConfig config = SharedBroker.config("import");
        Set<String> ids = new HashSet<>();
        new ArticleFileReader(new ArticleValidator(config.maxArticleBytes())).read(zip, a -> ids.add(a.id()), e -> { });

        KafkaImport.Result first = run(config, zip);
        KafkaImport.Result second = run(config, zip);

        int published = first.summary().published();
        assertThat(published).isGreaterThan(500);
        assertThat(first.summary().published() + first.summary().duplicates() + first.summary().rejected().size())
                .isEqualTo(first.summary().read());
        assertThat(first.summary().rejected()).allSatisfy(r -> assertThat(r.getMessage())
                .contains(zip.getFileName() + "/").contains("neither title nor body"));
        assertThat(second.summary().published()).isZero();
        assertThat(second.summary().duplicates()).isEqualTo(published + first.summary().duplicates());
        assertThat(second.previouslyPublished()).isGreaterThanOrEqualTo(published);

        List<ConsumerRecord<String, Article>> onTopic = KafkaTestClients.readUntil(config.bootstrapServers(),
                Topics.ARTICLES_RAW, r -> ids.contains(r.key()), published + 1, Duration.ofSeconds(20));
        assertThat(onTopic).hasSize(published);
        assertThat(onTopic.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).hasSize(published);
        assertThat(onTopic).allSatisfy(r -> assertThat(r.value().id()).isEqualTo(r.key()));
    }

    private static KafkaImport.Result run(RaqibConfig config, Path zip) throws IOException {
        return KafkaImport.run(config, new ArticleFileReader(),
                new ArticleValidator(config.maxArticleBytes()), new SimpleMeterRegistry(), List.of(zip), Set.of(),
                false);
    }

    private static Path smallestSaudiNewsNetZip() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path corpus = dir.resolve("shared/corpus/saudinewsnet");
            if (Files.isDirectory(corpus)) {
                try (Stream<Path> zips = Files.list(corpus)) {
                    return zips.filter(p -> p.toString().endsWith(".zip"))
                            .min(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
                }
            }
        }
        assumeTrue(false, "../shared/corpus/saudinewsnet not found");
        return null;
    }
}
