package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzz target (Jazzer) for {@link ArticleFileReader}, the reader behind {@code raqib match}, {@code enrich-file}
 * and file ingest: whatever a {@code .json}, {@code .jsonl}, {@code .txt} or {@code .csv} file holds, reading it
 * throws nothing; each bad part is reported as an {@link InputException} naming the file and a line inside it,
 * and each article delivered is valid and has its id. Every input is read as each of the four kinds, so inputs
 * are plain files: {@code mvn verify} replays the ones in {@code ArticleFileFuzzTestInputs/read}.
 */
class ArticleFileFuzzTest {

    private static final List<String> EXTENSIONS = List.of("json", "jsonl", "txt", "csv");

    private final ArticleFileReader reader = new ArticleFileReader(new ArticleValidator(1 << 20));

    @TempDir
    Path dir;

    @FuzzTest
    void read(byte[] content) throws IOException {
        for (String extension : EXTENSIONS) {
            Path file = Files.write(dir.resolve("input." + extension), content);
            int lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1).size();
            List<Article> articles = new ArrayList<>();
            List<InputException> errors = new ArrayList<>();

            reader.read(file, articles::add, errors::add);

            for (InputException error : errors) {
                assertThat(error.file()).isEqualTo(file);
                assertThat(error.line()).as(error.getMessage()).isBetween(0, lines + 1);
            }
            for (Article article : articles) {
                assertThat(article.id()).isNotBlank();
                assertThat(Stream.of(article.title(), article.body())).anyMatch(t -> t != null && !t.isBlank());
            }
        }
    }
}
