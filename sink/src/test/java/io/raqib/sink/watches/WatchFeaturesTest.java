package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.model.EnrichedArticle;
import io.raqib.core.model.Entity;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.Topic;
import io.raqib.core.model.Watch;
import io.raqib.sink.Articles;
import io.raqib.sink.matching.WatchMatch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each feature of the watch language on small texts, through the real registry and analyzer. */
class WatchFeaturesTest {

    private final WatchRegistry registry = new WatchRegistry();

    @AfterEach
    void close() throws Exception {
        registry.close();
    }

    private boolean matches(String query, EnrichedArticle article) {
        registry.put(new Watch("q", "q", query, null, null, List.of(), null, null));
        return !registry.match(article).isEmpty();
    }

    private static EnrichedArticle en(String title, String body) {
        return Articles.of("e1", "en", title, body);
    }

    @Test
    void booleanOperators() {
        EnrichedArticle a = en("Markets", "Wheat and flour prices rose in Cairo.");
        assertThat(matches("wheat AND cairo", a)).isTrue();
        assertThat(matches("wheat AND riyadh", a)).isFalse();
        assertThat(matches("riyadh OR flour", a)).isTrue();
        assertThat(matches("+wheat -riyadh", a)).isTrue();
        assertThat(matches("(wheat OR rice) AND (cairo OR amman)", a)).isTrue();
    }

    @Test
    void exclusionWithNot() {
        EnrichedArticle a = en("Sports", "The football final was postponed.");
        assertThat(matches("football NOT final", a)).isFalse();
        assertThat(matches("football NOT cricket", a)).isTrue();
    }

    @Test
    void phraseNeedsTheWordsInOrderAndAdjacent() {
        EnrichedArticle a = en("UN", "The security of the council was discussed.");
        assertThat(matches("\"security council\"", a)).isFalse();
        assertThat(matches("\"the council\"", a)).isTrue();
    }

    @Test
    void proximityAllowsWordsInBetween() {
        EnrichedArticle a = en("UN", "The security of the council was discussed.");
        assertThat(matches("\"security council\"~3", a)).isTrue();
        assertThat(matches("\"security discussed\"~2", a)).isFalse();
    }

    @Test
    void prefixMatchesWordBeginnings() {
        EnrichedArticle a = en("Vote", "Parliamentary elections are due in May.");
        assertThat(matches("elect*", a)).isTrue();
        assertThat(matches("referend*", a)).isFalse();
    }

    @Test
    void arabicProcliticsMatchTheBareWordAndPhrase() {
        EnrichedArticle a = Articles.of("ar", "ar", "خبر", "ستواصل روسيا جهودها لمكافحة الإرهاب في المنطقة.");
        assertThat(matches("\"مكافحة الإرهاب\"", a)).isTrue();
        assertThat(matches("مكافحة", a)).isTrue();
    }

    @Test
    void titleFieldOnlySeesTheTitle() {
        EnrichedArticle a = en("Drought deepens", "Farmers wait for rain.");
        assertThat(matches("title:drought", a)).isTrue();
        assertThat(matches("title:rain", a)).isFalse();
        assertThat(matches("rain", a)).isTrue();
    }

    @Test
    void metadataFieldsAreExact() {
        EnrichedArticle a = new EnrichedArticle("m1", "https://example.org/m1", "SaudiGazette", "Visit",
                "The minister visited Riyadh.", null, "en", null, null, "The minister visited Riyadh.",
                List.of(new Entity("Q3692", "Riyadh", "place", List.of())),
                List.of(new Topic("medtop:11000000", "politics")), null, "m1");
        assertThat(matches("entity:Q3692", a)).isTrue();
        assertThat(matches("entity:Q369", a)).isFalse();
        assertThat(matches("topic:11000000", a)).isTrue();
        assertThat(matches("lang:en AND source:SaudiGazette", a)).isTrue();
        assertThat(matches("source:saudigazette", a)).isFalse();
        assertThat(matches("lang:ar", a)).isFalse();
    }

    @Test
    void weightedTermsFireWhenTheDistinctTermsReachTheThreshold() {
        Watch drought = new Watch("emm", "Drought (EMM)", null, null, null, List.of(), null, null,
                List.of(new Watch.Term("drought", 3), new Watch.Term("crop failure", 2), new Watch.Term("rain", 1)),
                5.0, List.of(), List.of("football"));
        registry.put(drought);

        assertThat(registry.match(en("Weather", "Drought and no rain, drought again."))).isEmpty();
        List<WatchMatch> hit = registry.match(en("Weather", "Drought brought crop failure to the valley."));
        assertThat(hit).hasSize(1);
        assertThat(hit.get(0).highlights()).extracting(Highlight::text).containsExactly("Drought", "crop failure");
        assertThat(registry.match(en("Football", "Drought and crop failure hit the football league."))).isEmpty();
    }

    @Test
    void weightedRequiredTermsMustAllBePresentAndCanCombineWithAQuery() {
        Watch w = new Watch("req", "Locust", "lang:en", null, null, List.of(), null, null,
                List.of(new Watch.Term("locust", 5)), 5.0, List.of("swarm"), List.of());
        registry.put(w);

        assertThat(registry.match(en("Pests", "A locust was seen."))).isEmpty();
        assertThat(registry.match(en("Pests", "A locust swarm was seen."))).hasSize(1);
        assertThat(registry.match(Articles.of("fr", "fr", "Pests", "A locust swarm was seen."))).isEmpty();
    }

    @Test
    void languageRestrictedWatchesOnlySeeTheirLanguages() {
        registry.put(new Watch("ar-en", "w", "2254", null, null, List.of("ar", "en"), null, null));
        registry.put(new Watch("ar-en", "w", "2254", null, null, List.of("fr"), null, null));

        assertThat(registry.match(Articles.of("x", "ar", "2254", "نص"))).isEmpty();
        assertThat(registry.match(Articles.of("y", "fr", "2254", "texte"))).hasSize(1);
    }
}
