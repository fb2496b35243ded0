package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFileReaderTest {

    @TempDir
    Path dir;

    private final ArticleFileReader reader = new ArticleFileReader(new ArticleValidator(1_000));
    private final List<Article> articles = new ArrayList<>();
    private final List<InputException> errors = new ArrayList<>();

    @Test
    void jsonFileWithOneObjectGivesOneArticleWithIdAndIngestTime() throws IOException {
        Path file = write("one.json", """
                {
                  "url": "https://example.com/a?utm_source=x",
                  "source": "reuters",
                  "title": "Stocks fall",
                  "body": "Stocks fell today.",
                  "published": "2021-05-28T10:15:30Z"
                }
                """);

        read(file);

        assertThat(errors).isEmpty();
        assertThat(articles).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(ArticleIds.assign(a.withId(null)).id()).hasSize(16);
            assertThat(a.title()).isEqualTo("Stocks fall");
            assertThat(a.source()).isEqualTo("reuters");
            assertThat(a.published()).isEqualTo(Instant.parse("2021-05-28T10:15:30Z"));
            assertThat(a.ingestedAt()).as("stamped when missing").isNotNull();
        });
    }

    @Test
    void idAndIngestTimeGivenInTheFileAreKept() throws IOException {
        Path file = write("one.json", """
                {"id": "given-1", "title": "T", "body": "B", "ingestedAt": "2020-01-01T00:00:00Z"}
                """);

        read(file);

        assertThat(articles).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("given-1");
            assertThat(a.ingestedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        });
    }

    @Test
    void jsonArrayElementWithWrongFieldTypeIsRejectedWithItsLineAndOthersAreRead() throws IOException {
        Path file = write("batch.json", """
                [
                  {"title": "First", "body": "one"},
                  {"title": "Second", "body": "two", "published": "last tuesday"},
                  {"title": "Third", "body": "three"}
                ]
                """);

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("First", "Third");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("batch.json:3").contains("not an article");
        });
    }

    @Test
    void categoriesGivenAsObjectsAreRejectedNamingTheFieldAndOthersAreRead() throws IOException {
        Path file = write("batch.json", """
                [
                  {"title": "First", "body": "one", "categories": [{"name": "disaster"}, "flood"]},
                  {"title": "Second", "body": "two"}
                ]
                """);

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("Second");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("not an article: field 'categories'");
        });
    }

    @Test
    void jsonArrayElementWithObjectWhereTextBelongsIsRejectedAndOthersAreRead() throws IOException {
        Path file = write("batch.json", """
                [
                  {"title": {"text": "nested"}, "body": "one", "source": "s"},
                  {"title": "Second", "body": "two"}
                ]
                """);

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("Second");
        assertThat(errors).singleElement().extracting(InputException::line).isEqualTo(2);
    }

    @Test
    void jsonArrayWithANonObjectElementIsReported() throws IOException {
        Path file = write("batch.json", """
                [
                  {"title": "First", "body": "one"},
                  42
                ]
                """);

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("First");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("expected an article object");
        });
    }

    @Test
    void singleJsonObjectWithWrongFieldTypeIsRejectedWithLine() throws IOException {
        Path file = write("one.json", """
                {
                  "title": "T",
                  "published": "soon"
                }
                """);

        read(file);

        assertThat(articles).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("one.json:3");
        });
    }

    @Test
    void truncatedJsonIsReportedWithFileAndLine() throws IOException {
        Path file = write("broken.json", "[\n  {\"title\": \"A\", \"body\": \"a\"},\n  {\"title\": \n");

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("A");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isPositive();
            assertThat(e.getMessage()).contains("broken.json").contains("invalid JSON");
        });
    }

    @Test
    void jsonThatIsNeitherObjectNorArrayIsRejected() throws IOException {
        Path file = write("scalar.json", "\"just a string\"\n");

        read(file);

        assertThat(articles).isEmpty();
        assertThat(errors).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("expected a JSON object or array"));
    }

    @Test
    void jsonLinesWithABrokenSecondLineNamesFileAndLine2AndReadsTheOthers() throws IOException {
        Path file = write("feed.jsonl", """
                {"title": "Line one", "body": "a"}
                {"title": "Line two", "body":
                {"title": "Line three", "body": "c"}
                """);

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("Line one", "Line three");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(InputException.class);
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).startsWith(file + ":2: ").contains("invalid JSON");
        });
    }

    @Test
    void jsonLinesSkipsBlankLinesButKeepsCountingThem() throws IOException {
        Path file = write("feed.jsonl", "{\"title\": \"A\"}\n\n   \n{\"title\": 5, \"published\": \"x\"}\n");

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("A");
        assertThat(errors).singleElement().extracting(InputException::line).isEqualTo(4);
    }

    @Test
    void jsonLinesNullLineIsRejectedNotACrash() throws IOException {
        Path file = write("feed.jsonl", "{\"title\": \"A\"}\nnull\n{\"title\": \"C\"}\n");

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("A", "C");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).contains("feed.jsonl:2");
        });
    }

    @Test
    void jsonLinesWithByteOrderMarkReadsTheFirstLine() throws IOException {
        Path file = write("feed.jsonl", "\uFEFF{\"title\": \"A\"}\n{\"title\": \"B\"}\n");

        read(file);

        assertThat(errors).isEmpty();
        assertThat(articles).extracting(Article::title).containsExactly("A", "B");
    }

    @Test
    void jsonWithByteOrderMarkIsRead() throws IOException {
        Path file = write("one.json", "\uFEFF{\"title\": \"A\", \"body\": \"a\"}");

        read(file);

        assertThat(errors).isEmpty();
        assertThat(articles).extracting(Article::title).containsExactly("A");
    }

    @Test
    void articleWithNeitherTitleNorBodyIsRejectedWithItsLine() throws IOException {
        Path file = write("batch.json", """
                [
                  {"title": "Fine", "body": "x"},
                  {"url": "https://example.com/empty", "title": "  ", "body": ""}
                ]
                """);

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("Fine");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("neither title nor body");
        });
    }

    @Test
    void oversizeArticleIsRejected() throws IOException {
        Path file = write("big.jsonl", "{\"title\": \"Big\", \"body\": \"" + "x".repeat(1_001) + "\"}\n"
                + "{\"title\": \"Small\", \"body\": \"y\"}\n");

        read(file);

        assertThat(articles).extracting(Article::title).containsExactly("Small");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.getMessage()).contains("over the limit of 1000");
        });
    }

    @Test
    void seedTextFileIsReadWithTheFolderAsSource() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("taif-post"));
        Path file = Files.copy(Path.of("../samples/000_7c7fb83801401802.txt"), folder.resolve("seed.txt"));

        new ArticleFileReader(new ArticleValidator(1 << 20)).read(file, articles::add, errors::add);

        assertThat(errors).isEmpty();
        assertThat(articles).singleElement().satisfies(a -> {
            assertThat(a.source()).isEqualTo("taif-post");
            assertThat(a.title()).startsWith("الرئاسة الروسية تتحدث");
            assertThat(a.id()).hasSize(16);
        });
    }

    @Test
    void textFileThatIsNotUtf8IsReportedForTheWholeFile() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'T', '\n', (byte) 0xE9, 't', (byte) 0xE9});

        read(file);

        assertThat(articles).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isZero();
            assertThat(e.getMessage()).contains("latin1.txt").contains("UTF-8");
        });
    }

    @Test
    void unsupportedExtensionNamedDirectlyIsReported() throws IOException {
        Path file = write("notes.md", "# Title\nBody");

        read(file);

        assertThat(articles).isEmpty();
        assertThat(errors).singleElement().satisfies(e ->
                assertThat(e.getMessage()).contains("notes.md").contains("unsupported file type '.md'"));
    }

    @Test
    void listWalksFoldersInNameOrderSkippingUnsupportedAndExcludedFiles() throws IOException {
        write("b.json", "{}");
        write("a.txt", "T\nB");
        write("c.jsonl", "");
        write("watches.json", "[]");
        write("readme.md", "x");
        write("image.PNG", "x");
        write("sub/d.TXT", "T\nB");
        write("sub/e.xml", "<x/>");

        List<Path> files = ArticleFileReader.list(List.of(dir), Set.of(dir.resolve("watches.json")));

        assertThat(files).extracting(f -> dir.relativize(f).toString().replace('\\', '/'))
                .containsExactly("a.txt", "b.json", "c.jsonl", "sub/d.TXT", "sub/e.xml");
    }

    @Test
    void listMatchesExcludedFilesByNormalizedPath() throws IOException {
        write("a.json", "{}");
        write("watches.json", "[]");

        List<Path> files = ArticleFileReader.list(List.of(dir),
                Set.of(dir.resolve("sub/../watches.json")));

        assertThat(files).containsExactly(dir.resolve("a.json"));
    }

    @Test
    void listKeepsFilesGivenDirectlyInTheGivenOrder() throws IOException {
        Path z = write("z.json", "{}");
        Path a = write("a.json", "{}");
        Path excluded = write("watches.json", "[]");

        assertThat(ArticleFileReader.list(List.of(z, a, excluded), Set.of(excluded))).containsExactly(z, a);
    }

    @Test
    void listFailsOnAMissingPath() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> ArticleFileReader.list(List.of(missing), Set.of()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void aFileOverItsSizeLimitIsRefusedByNameAndTheRestOfTheZipIsRead() throws IOException {
        ArticleFileReader small = new ArticleFileReader(1_000, new CsvColumns(Map.of()), null);
        Path zip = dir.resolve("mixed.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "huge.txt", "Huge\n\n" + "word ".repeat(400));
            entry(out, "huge.rss", "<rss version=\"2.0\"><channel>" + " ".repeat(2_000) + "</channel></rss>");
            entry(out, "fine.txt", "Fine title\n\nA short body.");
        }

        small.read(zip, articles::add, errors::add);

        assertThat(articles).extracting(Article::title).containsExactly("Fine title");
        assertThat(errors).extracting(InputException::getMessage).containsExactly(
                zip.resolve("huge.txt") + ": file is over the limit of 1000 bytes for its type",
                zip.resolve("huge.rss") + ": file is over the limit of 1000 bytes for its type");
    }

    private static void entry(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private void read(Path file) {
        reader.read(file, articles::add, errors::add);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
