package io.raqib.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.enrich.text.AnalyzedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryBodyTest {

    private static final StoryBody STORY_BODY = StoryBody.load();

    @Test
    void creditLinesAndAsidesBylinesAndDispatchEndsAreNotStoryText() {
        String body = "بقلم: محمد العتيبي\n"
                + "الرياض (واس) - أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة.\n"
                + "وقال المتحدث (إعداد سامي للنشرة العربية) إن العمل بدأ.\n"
                + "ساهم في إعداد هذا التقرير أحمد السيد من القاهرة\n"
                + "// انتهى //";

        assertThat(kept(body)).isEqualTo(kept("الرياض - أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة.\n"
                + "وقال المتحدث إن العمل بدأ."));
    }

    @Test
    void englishWireCreditsAreNotStoryText() {
        String body = "By Jane Doe, Reuters\nLONDON (Reuters) - Stocks rose on Monday.\n"
                + "Investors cheered the news. (Reporting by Jane Doe; Editing by Sam Holmes)\n"
                + "John Smith contributed to this report.";

        assertThat(kept(body)).isEqualTo(kept("LONDON - Stocks rose on Monday.\nInvestors cheered the news."));
    }

    @Test
    void aShortLineWithADashInTheMiddleOfTheBodyAndLongLinesNamingAnAgencyStay() {
        String body = "First paragraph of the story about the match.\nSecond paragraph.\nالهلال – النصر\n"
                + "Third paragraph of the story.\nReuters reported on Monday that the talks in Geneva had stalled "
                + "over the question of the ceasefire line.\nLast line.";

        assertThat(kept(body)).isEqualTo(kept(body.replace("\n", " ")));
    }

    @Test
    void aBylineShapedLineAtTheEdgeIsDropped() {
        assertThat(kept("عمر إبراهيم – عين اليوم\nنص الخبر الكامل هنا.")).isEqualTo(kept("نص الخبر الكامل هنا."));
    }

    private static List<String> kept(String text) {
        return STORY_BODY.terms(AnalyzedText.of(text), text);
    }
}
