package io.raqib.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.raqib.core.model.Article;
import io.raqib.ingest.FeedArticles;
import io.raqib.ingest.SharedCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz target (Jazzer) for feed parsing: whatever bytes a feed URL serves, {@link FeedParser#parse} returns a
 * document whose entries become articles, or refuses it with a {@link FeedException}; nothing else. The refusal
 * for an unexpected runtime failure is a net for the XML and HTML libraries: one raised by Raqib's own code is a
 * bug (it loses every entry of a feed for one odd value). The last byte picks the Content-Type (none, feed types,
 * odd charsets), so inputs are plain feed documents: {@code FeedParserFuzzTestInputs/parse} replays in
 * {@code mvn verify}; when fuzzing, feedparser's test suite in {@code ../shared/corpus} seeds it too (the fuzz
 * profile's {@code fuzz.shared.seeds}).
 */
class FeedParserFuzzTest {

    private static final String[] CONTENT_TYPES = {null, "application/rss+xml", "application/atom+xml; charset=utf-8",
        "text/xml", "application/xml; charset=ISO-8859-1", "text/xml; charset=\"x-no-such-charset\"",
        "application/feed+json", "text/html; charset=UTF-16"};
    private static final int MAX_SEED_BYTES = 64 << 10;

    private final FeedParser parser = new FeedParser(1 << 20);

    @MethodSource("feedparserSuite")
    @FuzzTest
    void parse(byte[] feed) {
        String contentType = feed.length == 0 ? null : CONTENT_TYPES[feed[feed.length - 1] & 7];
        FeedDocument document;
        try {
            document = parser.parse(feed, contentType, "https://feeds.example.org/news.xml");
        } catch (FeedException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            if (refused.getCause() instanceof RuntimeException failure && failure.getStackTrace().length > 0) {
                assertThat(failure.getStackTrace()[0].getClassName()).as("origin of %s", failure)
                        .doesNotStartWith("io.raqib.");
            }
            return;
        }
        List<Article> articles = FeedArticles.of(document, "fuzzed", null);
        assertThat(articles).hasSameSizeAs(document.entries());
    }

    /** feedparser's test feeds as seeds, when fuzzing with {@code -Dfuzz.shared.seeds} and the corpus is there. */
    static Stream<byte[]> feedparserSuite() throws IOException {
        if (!Boolean.getBoolean("fuzz.shared.seeds")) {
            return Stream.empty();
        }
        Path root = SharedCorpus.find("feedparser-tests").orElse(null);
        if (root == null) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().map(FeedParserFuzzTest::bytes)
                    .filter(b -> b.length <= MAX_SEED_BYTES).toList().stream();
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
