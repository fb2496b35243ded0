package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Article;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    private final ArticleValidator validator = new ArticleValidator(20);

    @Test
    void articleWithTextWithinTheLimitIsValid() {
        assertThat(validator.problem(article("Title", "Body"))).isNull();
        assertThat(validator.problem(article("Title only", null))).isNull();
        assertThat(validator.problem(article(null, "Body only"))).isNull();
    }

    @Test
    void articleWithNeitherTitleNorBodyIsRejected() {
        assertThat(validator.problem(article(null, null))).isEqualTo("article has neither title nor body");
        assertThat(validator.problem(article(" ", "\n\t"))).isEqualTo("article has neither title nor body");
    }

    @Test
    void htmlAloneDoesNotCountAsText() {
        Article htmlOnly = new Article(null, null, "s", null, null, "<p>x</p>", null, null, null);

        assertThat(validator.problem(htmlOnly)).contains("neither title nor body");
    }

    @Test
    void articleExactlyAtTheLimitIsValid() {
        assertThat(validator.problem(article("0123456789", "0123456789"))).isNull();
    }

    @Test
    void oversizeArticleIsRejectedNamingSizeLimitAndSetting() {
        String problem = validator.problem(article("0123456789", "0123456789X"));

        assertThat(problem).contains("21 bytes").contains("limit of 20").contains("raqib.max.article.bytes");
    }

    @Test
    void sizeIsCountedInUtf8BytesNotCharacters() {
        String arabic = "مكافحة الإرهاب"; // 14 chars, 27 bytes

        assertThat(arabic.length()).isLessThan(20);
        assertThat(validator.problem(article(null, arabic))).contains("27 bytes");
    }

    @Test
    void htmlCountsTowardsTheSize() {
        Article a = new Article(null, null, "s", "Title", "Body", "<p>Title</p><p>Body</p>", null, null, null);

        assertThat(validator.problem(a)).contains("over the limit");
    }

    @Test
    void aGivenIdMustBeUsableAsAKeyAndABlankOneIsAssignedLater() {
        Article bidi = new Article("abc\u202Edef", null, "s", "Title", "Body", null, null, null, null);
        Article blank = new Article(" ", null, "s", "Title", "Body", null, null, null, null);

        ArticleValidator.Problem problem = validator.check(bidi);
        assertThat(problem.field()).isEqualTo("id");
        assertThat(problem.reason()).contains("bidi", "U+202E");
        assertThat(validator.check(blank)).isNull();
    }

    private static Article article(String title, String body) {
        return new Article(null, null, "s", title, body, null, null, null, null);
    }
}
