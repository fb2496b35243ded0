package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedTextParserTest {

    /** The seed article, relative to the module folder Maven runs tests in. */
    private static final Path SEED = Path.of("../samples/000_7c7fb83801401802.txt");
    private static final String SEED_TITLE =
            "الرئاسة الروسية تتحدث عن خطط “بوتين” القادمة في سوريا بعد فوز بشار الأسد بالانتخابات الرئاسية!";

    private static String seed;

    @BeforeAll
    static void readSeed() throws IOException {
        seed = Files.readString(SEED, StandardCharsets.UTF_8);
    }

    @Test
    void seedTitleIsTheFirstLine() {
        Article a = SeedTextParser.parse(seed, "taif", "https://example.com/seed");

        assertThat(a.title()).isEqualTo(SEED_TITLE);
        assertThat(a.source()).isEqualTo("taif");
        assertThat(a.url()).isEqualTo("https://example.com/seed");
        assertThat(a.id()).as("ids are assigned later by ArticleIds").isNull();
        assertThat(a.ingestedAt()).isNotNull();
    }

    @Test
    void seedBodyKeepsEverythingAfterTheTitleLineVerbatim() {
        Article a = SeedTextParser.parse(seed, "taif", null);

        assertThat(a.body()).isEqualTo(seed.substring(seed.indexOf('\n') + 1).strip());
        String[] lines = a.body().split("\n", -1);
        assertThat(lines[0]).as("repeated title stays in the body").isEqualTo(SEED_TITLE);
        assertThat(lines[1]).as("byline stays in the body").isEqualTo("طيف بوست – فريق التحرير");
        assertThat(lines[2]).startsWith("أعلنت الرئاسة الروسية “الكرملين”");
        assertThat(lines).hasSize((int) seed.lines().count() - 1);
    }

    @Test
    void bomAndCrlfGiveTheSameArticleAsPlainLf() {
        Article plain = SeedTextParser.parse(seed, "taif", null);
        String windows = "\uFEFF" + seed.replace("\n", "\r\n") + "\r\n";

        Article a = SeedTextParser.parse(windows, "taif", null);

        assertThat(a.title()).isEqualTo(SEED_TITLE).doesNotContain("\uFEFF");
        assertThat(a.body()).isEqualTo(plain.body()).doesNotContain("\r");
    }

    @Test
    void bareCarriageReturnsAreLineBreaks() {
        Article a = SeedTextParser.parse("Title\rFirst paragraph.\rSecond paragraph.", "s", null);

        assertThat(a.title()).isEqualTo("Title");
        assertThat(a.body()).isEqualTo("First paragraph.\nSecond paragraph.");
    }

    @Test
    void leadingBlankLinesAreSkippedToFindTheTitle() {
        Article a = SeedTextParser.parse("\n\n   \n  Title here  \nBody.", "s", null);

        assertThat(a.title()).isEqualTo("Title here");
        assertThat(a.body()).isEqualTo("Body.");
    }

    @Test
    void innerBlankLinesAndIndentationOfTheBodyAreKept() {
        Article a = SeedTextParser.parse("T\nPara one.\n\n   Indented para.\nRead also: x\n", "s", null);

        assertThat(a.body()).isEqualTo("Para one.\n\n   Indented para.\nRead also: x");
    }

    @Test
    void singleLineIsATitleWithEmptyBody() {
        Article a = SeedTextParser.parse("Only a title", "s", null);

        assertThat(a.title()).isEqualTo("Only a title");
        assertThat(a.body()).isEmpty();
    }
}
