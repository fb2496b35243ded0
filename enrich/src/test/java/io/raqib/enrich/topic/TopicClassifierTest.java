package io.raqib.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.model.Topic;
import io.raqib.enrich.text.AnalyzedText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicClassifierTest {

    private static TopicTaxonomy taxonomy;
    private static TopicClassifier classifier;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        taxonomy = TopicTaxonomy.load();
        classifier = new TopicClassifier(taxonomy, null);
    }

    @Test
    void taxonomyHasAllSeventeenTopLevelTopicsAndLabelledSubTopics() {
        assertThat(taxonomy.all().stream().filter(TopicTaxonomy.MediaTopic::topLevel)
                .map(TopicTaxonomy.MediaTopic::code))
                .containsExactly("medtop:01000000", "medtop:02000000", "medtop:03000000", "medtop:04000000",
                        "medtop:05000000", "medtop:06000000", "medtop:07000000", "medtop:08000000",
                        "medtop:09000000", "medtop:10000000", "medtop:11000000", "medtop:12000000",
                        "medtop:13000000", "medtop:14000000", "medtop:15000000", "medtop:16000000",
                        "medtop:17000000");
        assertThat(taxonomy.get("medtop:20000574").labelEn()).isEqualTo("election");
        assertThat(taxonomy.get("medtop:20000053").parent()).isEqualTo("medtop:16000000");
        assertThat(taxonomy.all()).allSatisfy(t -> assertThat(t.labelAr()).isNotBlank());
    }

    @Test
    void anArabicWarReportGetsConflictTopicsWithScores() {
        List<Topic> topics = classify("غارات للتحالف على مواقع الحوثيين",
                "شنت طائرات التحالف غارات على مواقع المسلحين الحوثيين، وأسفر القصف عن مقتل العشرات، فيما تواصلت "
                        + "الاشتباكات على الحدود وسقطت قذائف على القرى.", "ar");

        assertThat(topics.get(0).id()).isEqualTo("medtop:16000000");
        assertThat(topics.get(0).label()).isEqualTo("النزاعات والحرب والسلام");
        assertThat(topics).extracting(Topic::id).contains("medtop:20000056");
        assertThat(topics.get(0).score()).isGreaterThan(topics.get(topics.size() - 1).score() - 0.001);
    }

    @Test
    void anEnglishMatchReportIsSport() {
        List<Topic> topics = classify("Arsenal beat Chelsea", "The striker scored twice as Arsenal won the league "
                + "match, and the coach praised his players after the game at the stadium.", "en");

        assertThat(topics.get(0)).extracting(Topic::id, Topic::label).containsExactly("medtop:15000000", "sport");
    }

    @Test
    void aTextWithoutRuleHitsHasNoTopics() {
        assertThat(classify("", "Lorem ipsum dolor sit amet.", "en")).isEmpty();
    }

    @Test
    void operatorRuleFilesAddRulesAndBadRowsNameTheirLine() throws Exception {
        Files.writeString(dir.resolve("extra.tsv"), "code\tweight\tphrase\nmedtop:17000000\t5\tsandstorm\n",
                StandardCharsets.UTF_8);
        TopicClassifier extended = new TopicClassifier(taxonomy, dir);

        assertThat(extended.classify(AnalyzedText.of(""), AnalyzedText.of("A sandstorm hit."), "en"))
                .extracting(Topic::id).containsExactly("medtop:17000000");

        Files.writeString(dir.resolve("extra.tsv"), "code\tweight\tphrase\nmedtop:99000000\t5\tx\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new TopicClassifier(taxonomy, dir)).hasMessageContaining("extra.tsv:2")
                .hasMessageContaining("unknown topic medtop:99000000");
    }

    @Test
    void aWordCountsOnceForATopicWhicheverOfItsInflectionsTheRulesList() throws Exception {
        Files.writeString(dir.resolve("extra.tsv"), "code\tweight\tphrase\nmedtop:17000000\t5\tsandstorm\n"
                + "medtop:17000000\t3\tsandstorms\n", StandardCharsets.UTF_8);
        TopicClassifier extended = new TopicClassifier(taxonomy, dir);

        assertThat(extended.scores(AnalyzedText.of(""), AnalyzedText.of("A sandstorm hit.")))
                .containsEntry("medtop:17000000", 5.0);
    }

    @Test
    void learnedWeightsReplaceBundledOnesButNotAnOperatorsAndMustNameABundledRule() throws Exception {
        Map<String, Double> hurricaneHalfAPoint = Map.of(LearnedWeights.key("medtop:03000000", "hurricane"), 0.5);
        AnalyzedText hurricane = AnalyzedText.of("A hurricane.");
        TopicClassifier learned = new TopicClassifier(taxonomy, null, LearnedWeights.of(hurricaneHalfAPoint));
        Files.writeString(dir.resolve("extra.tsv"), "code\tweight\tphrase\nmedtop:03000000\t4\thurricane\n",
                StandardCharsets.UTF_8);
        TopicClassifier learnedAndOperator = new TopicClassifier(taxonomy, dir, LearnedWeights.of(hurricaneHalfAPoint));

        // hurricane is also a rule of the sub-topic disaster (2), whose score counts for its parent
        assertThat(new TopicClassifier(taxonomy, null, LearnedWeights.of(Map.of())).scores(AnalyzedText.of(""),
                hurricane)).containsEntry("medtop:03000000", 5.0);
        assertThat(learned.scores(AnalyzedText.of(""), hurricane)).containsEntry("medtop:03000000", 2.5);
        assertThat(learnedAndOperator.scores(AnalyzedText.of(""), hurricane)).containsEntry("medtop:03000000", 6.0);
        assertThatThrownBy(() -> new TopicClassifier(taxonomy, dir, LearnedWeights.of(Map.of(
                LearnedWeights.key("medtop:03000000", "no such rule"), 1.0))))
                .hasMessageContaining("no rule file has: medtop:03000000 no such rule");
    }

    private static List<Topic> classify(String title, String body, String language) {
        return classifier.classify(AnalyzedText.of(title), AnalyzedText.of(body), language);
    }
}
