package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    private static final Instant T = Instant.parse("2021-05-28T10:00:00Z");

    @Test
    void idGivenBySourceIsKept() {
        Article a = article("source-id-42", "https://example.com/a", "Title", "Body");

        assertThat(ArticleIds.assign(a)).isSameAs(a);
    }

    @Test
    void blankIdIsReplacedByDerivedId() {
        Article a = ArticleIds.assign(article("  ", "https://example.com/a", "Title", "Body"));

        assertThat(a.id()).isEqualTo(sha256Prefix("https://example.com/a"));
    }

    @Test
    void idIsFirst16HexDigitsOfSha256OfCanonicalUrl() {
        Article a = ArticleIds.assign(article(null, "HTTPS://Example.com/news/1?utm_source=x#top", "T", "B"));

        assertThat(a.id()).hasSize(16).matches("[0-9a-f]{16}");
        assertThat(a.id()).isEqualTo(sha256Prefix("https://example.com/news/1"));
    }

    @Test
    void sameArticleViaDifferentTrackingUrlsGetsTheSameId() {
        String[] urls = {
            "https://example.com/news/2021/05/putin-syria",
            "https://EXAMPLE.com/news/2021/05/putin-syria?utm_source=twitter&utm_medium=social",
            "https://example.com:443/news/2021/05/putin-syria#comments",
            " https://example.com/news/2021/05/putin-syria?UTM_Campaign=may ",
        };
        String expected = ArticleIds.assign(article(null, urls[0], "A", "a")).id();

        for (String url : urls) {
            assertThat(ArticleIds.assign(article(null, url, "Other title " + url, "other body")).id())
                    .as(url).isEqualTo(expected);
        }
    }

    @Test
    void meaningfulQueryParametersDistinguishArticles() {
        String one = ArticleIds.assign(article(null, "https://example.com/read?id=1", "T", "B")).id();
        String two = ArticleIds.assign(article(null, "https://example.com/read?id=2", "T", "B")).id();

        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void canonicalUrlLowercasesSchemeAndHostDropsDefaultPortFragmentAndUtm() {
        assertThat(ArticleIds.canonicalUrl("HTTP://News.Example.COM:80/Path/To?b=1&utm_source=x&c=2#frag"))
                .contains("http://news.example.com/Path/To?b=1&c=2");
        assertThat(ArticleIds.canonicalUrl("https://example.com:443/a?utm_source=x&utm_medium=y"))
                .contains("https://example.com/a");
    }

    @Test
    void canonicalUrlKeepsNonDefaultPorts() {
        assertThat(ArticleIds.canonicalUrl("http://example.com:8080/a")).contains("http://example.com:8080/a");
        assertThat(ArticleIds.canonicalUrl("https://example.com:80/a")).contains("https://example.com:80/a");
        assertThat(ArticleIds.canonicalUrl("http://example.com:443/a")).contains("http://example.com:443/a");
    }

    @Test
    void canonicalUrlGivesAnEmptyPathASlash() {
        assertThat(ArticleIds.canonicalUrl("https://example.com")).contains("https://example.com/");
        assertThat(ArticleIds.canonicalUrl("https://example.com?utm_source=x")).contains("https://example.com/");
    }

    @Test
    void canonicalUrlIsEmptyForMissingNonHttpOrInvalidUrls() {
        assertThat(ArticleIds.canonicalUrl(null)).isEmpty();
        assertThat(ArticleIds.canonicalUrl("  ")).isEmpty();
        assertThat(ArticleIds.canonicalUrl("ftp://example.com/a")).isEmpty();
        assertThat(ArticleIds.canonicalUrl("mailto:desk@example.com")).isEmpty();
        assertThat(ArticleIds.canonicalUrl("/relative/path")).isEmpty();
        assertThat(ArticleIds.canonicalUrl("http://exa mple.com/a")).isEmpty();
    }

    @Test
    void withoutUrlTheIdIsTheHashOfTitleAndBody() {
        Article a = ArticleIds.assign(article(null, null, "  العنوان ", "\nالنص الكامل.\n"));

        assertThat(a.id()).isEqualTo(sha256Prefix("العنوان\nالنص الكامل."));
    }

    @Test
    void withoutUrlSameTextGivesSameIdAndOtherTextAnother() {
        String first = ArticleIds.assign(article(null, null, "Title", "Body")).id();
        String again = ArticleIds.assign(article(null, "", "Title", "Body")).id();
        String other = ArticleIds.assign(article(null, null, "Title", "Other body")).id();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void nonHttpUrlFallsBackToTitleAndBody() {
        Article a = ArticleIds.assign(article(null, "file:///tmp/a.txt", "Title", "Body"));

        assertThat(a.id()).isEqualTo(sha256Prefix("Title\nBody"));
    }

    @Test
    void assigningKeepsEveryOtherField() {
        Article raw = article(null, "https://example.com/a", "Title", "Body");

        Article a = ArticleIds.assign(raw);

        assertThat(a.withId(null)).isEqualTo(raw);
    }

    private static Article article(String id, String url, String title, String body) {
        return new Article(id, url, "src", title, body, null, null, T, T);
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
