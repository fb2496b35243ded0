package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk formats of {@code raqib import}: CSV with a column map, zip archives, feed files, SaudiNewsNet. */
class BulkFormatsTest {

    @TempDir
    Path dir;

    private final List<Article> articles = new ArrayList<>();
    private final List<InputException> errors = new ArrayList<>();

    @Test
    void csvColumnsAreMappedAndABadRowIsNamedByLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("bbc.csv"), """
                text,category,when
                "Markets fell, then rose.",business,2005-01-01T00:00:00Z
                Second story,tech,not-a-date
                """);

        read(new ArticleFileReader(1 << 20, CsvColumns.parse(List.of("text=body,category=categories", "when=published")),
                null), csv);

        assertThat(articles).singleElement().satisfies(a -> {
            assertThat(a.body()).isEqualTo("Markets fell, then rose.");
            assertThat(a.categories()).containsExactly("business");
            assertThat(a.published()).isEqualTo(Instant.parse("2005-01-01T00:00:00Z"));
            assertThat(a.source()).isEqualTo("bbc");
        });
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("not-a-date");
        });
    }

    @Test
    void zipOfJsonSeedTextAndFeedIsReadEntryByEntry() throws IOException {
        Path zip = dir.resolve("batch.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "a.json", "[{\"title\": \"From JSON\", \"body\": \"b\"}, {\"title\": 3, \"published\": []}]");
            entry(out, "desk/b.txt", "From text\n\nbody");
            entry(out, "c.rss", "<rss version=\"2.0\"><channel><title>f</title><item><title>From feed</title>"
                    + "<description>x</description></item></channel></rss>");
            entry(out, "notes.md", "ignored");
        }

        read(new ArticleFileReader(), zip);

        assertThat(articles).extracting(Article::title).containsExactly("From JSON", "From text", "From feed");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("batch.zip/a.json:1"));
    }

    @Test
    void saudiNewsNetRecordIsMapped() throws IOException {
        JsonNode node = RaqibJson.mapper().readTree("""
                {"source": "aawsat", "url": "http://aawsat.com/node/1", "date_extracted": "2015-07-21 02:51:32",
                 "title": "عنوان", "author": "كاتب", "content": "نص المقال"}
                """);

        Article a = ArticleJson.read(node);

        assertThat(a.body()).isEqualTo("نص المقال");
        assertThat(a.author()).isEqualTo("كاتب");
        assertThat(a.source()).isEqualTo("aawsat");
        assertThat(a.language()).isEqualTo("ar");
        assertThat(a.published()).isEqualTo(Instant.parse("2015-07-20T23:51:32Z"));
    }

    @Test
    void everyArticleOfTheSmallestSaudiNewsNetZipIsRead() throws IOException {
        Path corpus = SharedCorpus.require("saudinewsnet");
        Path smallest;
        try (Stream<Path> zips = Files.list(corpus)) {
            smallest = zips.filter(p -> p.toString().endsWith(".zip")).min(Comparator.comparingLong(BulkFormatsTest::size))
                    .orElseThrow();
        }
        int expected = elements(smallest);

        read(new ArticleFileReader(), smallest);

        assertThat(errors).isEmpty();
        assertThat(articles).hasSize(expected).allSatisfy(a -> {
            assertThat(a.url()).startsWith("http");
            assertThat(a.published()).isNotNull();
        });
        assertThat(articles).filteredOn(a -> a.body() != null).hasSizeGreaterThan(expected * 9 / 10);
    }

    private void read(ArticleFileReader reader, Path file) {
        reader.readEach(file, (f, line, a) -> articles.add(a), errors::add);
    }

    private static int elements(Path zip) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            int n = 0;
            while (in.getNextEntry() != null) {
                n += RaqibJson.mapper().readTree(in.readAllBytes()).size();
            }
            return n;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
