package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateFilterTest {

    @Test
    void sameIdOrSameTextIsADuplicateAndRememberedIdsSurviveARestart() {
        DuplicateFilter filter = new DuplicateFilter(10, 10);
        filter.rememberIds(List.of("from-topic"));

        assertThat(filter.duplicateReason(article("a", "https://x.example/1", "Title", "Body"))).isNull();
        assertThat(filter.duplicateReason(article("a", null, "Other", "Other"))).contains("same id");
        assertThat(filter.duplicateReason(article("b", "https://mirror.example/1", "TITLE", "Body  "))).contains("same text");
        assertThat(filter.duplicateReason(article("from-topic", null, "New", "New"))).contains("same id");
    }

    @Test
    void aCopyUnderAnotherAddressStaysADuplicateAfterARestart() {
        DuplicateFilter restarted = new DuplicateFilter(10, 10);
        restarted.rememberIds(List.of("original"));

        assertThat(restarted.duplicateReason(article("original", null, "Same", "Text"))).contains("same id");
        assertThat(restarted.duplicateReason(article("copy", null, "Same", "Text"))).contains("same text");
    }

    @Test
    void memoryIsBoundedOldestForgottenFirst() {
        DuplicateFilter filter = new DuplicateFilter(2, 2);
        for (String id : List.of("1", "2", "3")) {
            filter.duplicateReason(article(id, null, "t" + id, "b"));
        }

        assertThat(filter.rememberedIds()).isEqualTo(2);
        assertThat(filter.duplicateReason(article("1", null, "t1", "b"))).isNull();
    }

    @Test
    void trackingParametersDoNotChangeTheId() {
        String plain = ArticleIds.assign(article(null, "https://x.example/n?id=7", "t", "b")).id();
        String tracked = ArticleIds.assign(article(null, "https://X.example/n?fbclid=abc&id=7&gclid=z&utm_medium=s#c",
                "t", "b")).id();

        assertThat(tracked).isEqualTo(plain);
    }

    private static Article article(String id, String url, String title, String body) {
        return new Article(id, url, "s", title, body, null, null, null, null);
    }
}
