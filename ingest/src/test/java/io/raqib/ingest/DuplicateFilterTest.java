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

        publish(filter, article("a", "https://x.example/1", "Title", "Body"));
        assertThat(seen(filter, article("a", null, "Other", "Other"))).contains("same id");
        assertThat(seen(filter, article("b", "https://mirror.example/1", "TITLE", "Body  "))).contains("same text");
        assertThat(seen(filter, article("from-topic", null, "New", "New"))).contains("same id");
    }

    @Test
    void aCopyUnderAnotherAddressStaysADuplicateAfterARestart() {
        DuplicateFilter restarted = new DuplicateFilter(10, 10);
        restarted.rememberIds(List.of("original"));

        assertThat(seen(restarted, article("original", null, "Same", "Text"))).contains("same id");
        assertThat(seen(restarted, article("copy", null, "Same", "Text"))).contains("same text");
    }

    @Test
    void memoryIsBoundedOldestForgottenFirst() {
        DuplicateFilter filter = new DuplicateFilter(2, 2);
        for (String id : List.of("1", "2", "3")) {
            publish(filter, article(id, null, "t" + id, "b"));
        }

        assertThat(filter.rememberedIds()).isEqualTo(2);
        assertThat(filter.claim(article("1", null, "t1", "b"))).isInstanceOf(DuplicateFilter.Reservation.class);
    }

    @Test
    void anArticleIsRememberedOnlyOnceItsPublicationIsConfirmed() {
        DuplicateFilter filter = new DuplicateFilter(10, 10);
        Article a = article("a", null, "Title", "Body");

        ((DuplicateFilter.Reservation) filter.claim(a)).abandoned();
        DuplicateFilter.Claim again = filter.claim(a);

        assertThat(again).as("a failed send is forgotten").isInstanceOf(DuplicateFilter.Reservation.class);
        ((DuplicateFilter.Reservation) again).published();
        assertThat(filter.claim(a)).isInstanceOf(DuplicateFilter.Seen.class);
        assertThat(filter.reserved()).isZero();
        assertThat(filter.rememberedIds()).isEqualTo(1);
    }

    @Test
    void whileAnArticleIsInFlightTheSameIdOrTextWaitsForItsOutcome() {
        DuplicateFilter filter = new DuplicateFilter(10, 10);
        DuplicateFilter.Reservation first = (DuplicateFilter.Reservation) filter.claim(article("a", null, "T", "B"));

        DuplicateFilter.Claim sameId = filter.claim(article("a", null, "Other", "Text"));
        DuplicateFilter.Claim sameText = filter.claim(article("b", null, "T", "B"));
        first.abandoned();

        assertThat(sameId).isInstanceOf(DuplicateFilter.InFlight.class);
        assertThat(sameText).isInstanceOf(DuplicateFilter.InFlight.class);
        assertThat(((DuplicateFilter.InFlight) sameId).published()).isCompletedWithValue(false);
        assertThat(((DuplicateFilter.InFlight) sameText).published()).isCompletedWithValue(false);
        assertThat(filter.claim(article("b", null, "T", "B"))).as("free again once the first failed")
                .isInstanceOf(DuplicateFilter.Reservation.class);
    }

    @Test
    void trackingParametersDoNotChangeTheId() {
        String plain = ArticleIds.assign(article(null, "https://x.example/n?id=7", "t", "b")).id();
        String tracked = ArticleIds.assign(article(null, "https://X.example/n?fbclid=abc&id=7&gclid=z&utm_medium=s#c",
                "t", "b")).id();

        assertThat(tracked).isEqualTo(plain);
    }

    private static void publish(DuplicateFilter filter, Article article) {
        ((DuplicateFilter.Reservation) filter.claim(article)).published();
    }

    private static String seen(DuplicateFilter filter, Article article) {
        return ((DuplicateFilter.Seen) filter.claim(article)).reason();
    }

    private static Article article(String id, String url, String title, String body) {
        return new Article(id, url, "s", title, body, null, null, null, null);
    }
}
