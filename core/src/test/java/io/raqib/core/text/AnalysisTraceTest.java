package io.raqib.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The step-by-step view behind {@code raqib analyze}. */
class AnalysisTraceTest {

    @Test
    void showsEveryStageInOrder() {
        AnalysisTrace trace = AnalysisTrace.of("قال\u200C “بوتين” لمكـ.ـافحة الإِرهاب ٢٢٥٤");

        assertThat(trace.stages()).extracting(AnalysisTrace.Stage::name)
                .containsExactly("unicode", "deobfuscation", "orthography");
        assertThat(trace.stages()).extracting(AnalysisTrace.Stage::text).containsExactly(
                "قال \"بوتين\" لمكـ.ـافحة الإِرهاب ٢٢٥٤",
                "قال \"بوتين\" لمكافحة الإِرهاب ٢٢٥٤",
                "قال \"بوتين\" لمكافحه الارهاب 2254");
        assertThat(trace.normalized()).isEqualTo("قال \"بوتين\" لمكافحه الارهاب 2254");
    }

    @Test
    void tokensCarryPositionsAndOriginalSpans() {
        String text = "بانتخابات الرئاسة";
        List<AnalysisTrace.Token> tokens = AnalysisTrace.of(text).tokens();

        assertThat(tokens).containsExactly(
                new AnalysisTrace.Token("بانتخاب", 0, 0, 9, "بانتخابات"),
                new AnalysisTrace.Token("انتخاب", 0, 0, 9, "بانتخابات"),
                new AnalysisTrace.Token("الرئاس", 1, 10, 17, "الرئاسة"),
                new AnalysisTrace.Token("رئاس", 1, 10, 17, "الرئاسة"));
    }

    @Test
    void disguisedWordPointsAtItsDisguisedSpelling() {
        String text = "قوى الإرهـ.ـاب\u200B والتطـ.ـرف";

        assertThat(AnalysisTrace.of(text).tokens())
                .filteredOn(t -> t.term().equals("ارهاب") || t.term().equals("تطرف"))
                .extracting(AnalysisTrace.Token::source)
                .containsExactly("الإرهـ.ـاب\u200B", "والتطـ.ـرف");
    }

    @Test
    void wordsExpandedFromOneCharacterPointAtThatCharacter() {
        String text = "النبي ﷺ قال";

        assertThat(AnalysisTrace.of(text).tokens())
                .filteredOn(t -> t.start() == 6)
                .extracting(AnalysisTrace.Token::source)
                .hasSizeGreaterThanOrEqualTo(4)
                .containsOnly("ﷺ");
    }
}
