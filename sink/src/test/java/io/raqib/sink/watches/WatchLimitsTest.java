package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each bound of {@link WatchLimits}, and each piece of syntax the README does not document, refused by name. */
class WatchLimitsTest {

    private static final WatchLimits DEFAULTS = WatchLimits.defaults();
    private final WatchQueryParser parser = new WatchQueryParser(DEFAULTS);

    private static Watch query(String query) {
        return new Watch("w1", "w", query, null, null, List.of(), null, null);
    }

    private static Watch withLanguages(List<String> languages) {
        return new Watch("w1", "w", "wheat", null, null, languages, null, null);
    }

    private static Watch weighted(List<Watch.Term> terms, List<String> required, List<String> excluded) {
        return new Watch("w1", "w", null, null, null, List.of(), null, null, terms, 1.0, required, excluded);
    }

    /** {@code n} distinct terms of {@code words} words each. */
    private static List<Watch.Term> terms(int n, int words) {
        return IntStream.range(0, n).mapToObj(i -> new Watch.Term(String.join(" ",
                IntStream.range(0, words).mapToObj(w -> word(i * words + w)).toList()), 1)).toList();
    }

    /** A distinct word of letters only (digits would be split off by the analyzer). */
    private static String word(int i) {
        StringBuilder b = new StringBuilder("w");
        for (int n = i; b.length() < 4 || n > 0; n /= 26) {
            b.append((char) ('a' + n % 26));
        }
        return b.toString();
    }

    private InvalidWatchException refused(Watch watch) {
        return refused(parser, watch);
    }

    private static InvalidWatchException refused(WatchQueryParser parser, Watch watch) {
        try {
            parser.compile(watch);
        } catch (InvalidWatchException e) {
            return e;
        }
        throw new AssertionError("accepted: " + watch.query());
    }

    @Test
    void tenThousandOpeningParenthesesAreRefusedAtTheFirstTooDeepOneWithoutRecursing() {
        String deep = "(".repeat(10_000) + "wheat" + ")".repeat(10_000);
        WatchLimits longQueries = new WatchLimits(100_000, 10, 256, 10, 100, 200, 3, 200, Duration.ofDays(30));

        InvalidWatchException e = refused(new WatchQueryParser(longQueries), query(deep));

        assertThat(e.field()).isEqualTo("query");
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.getMessage()).contains("nested deeper than 10");
        assertThat(refused(query(deep)).getMessage()).contains("20005 characters, at most 4000");
        assertThat(parser.compile(query("(".repeat(10) + "wheat" + ")".repeat(10))).monitorQuery()).isNotNull();
    }

    @Test
    void parenthesesInsideAPhraseOrEscapedDoNotCountAsNesting() {
        assertThat(parser.compile(query("\"wheat " + "(".repeat(50) + " flour\"")).monitorQuery()).isNotNull();
        assertThat(parser.compile(query("wheat " + "\\(".repeat(50))).monitorQuery()).isNotNull();
    }

    @Test
    void aQueryLongerThanTheLimitIsRefusedBeforeParsing() {
        InvalidWatchException e = refused(query("wheat ".repeat(200_000)));

        assertThat(e.field()).isEqualTo("query");
        assertThat(e.getMessage()).contains("1200000 characters, at most 4000");
    }

    @Test
    void tooManyTermsAfterAnalysisAreRefused() {
        String manyWords = String.join(" OR ", IntStream.range(0, 300).mapToObj(WatchLimitsTest::word).toList());
        String longPhrase = "\"" + String.join(" ", IntStream.range(0, 300).mapToObj(WatchLimitsTest::word).toList()) + "\"";

        assertThat(refused(query(manyWords)).getMessage()).contains("300 terms after analysis, at most 256");
        assertThat(refused(query(longPhrase)).field()).isEqualTo("query");
        InvalidWatchException weighted = refused(weighted(terms(100, 3), List.of(), List.of()));
        assertThat(weighted.field()).isEqualTo("terms");
        assertThat(weighted.getMessage()).contains("terms after analysis");
    }

    @Test
    void languagesAreFewKnownLowerCaseCodes() {
        List<String> tenThousand = IntStream.range(0, 10_000).mapToObj(i -> "l" + i).toList();

        assertThat(refused(withLanguages(tenThousand)).getMessage()).contains("10000 languages, at most 10");
        assertThat(refused(withLanguages(List.of("ar", "xx"))).getMessage()).contains("entry 2 'xx'");
        assertThat(refused(withLanguages(List.of("AR"))).field()).isEqualTo("languages");
        assertThat(refused(withLanguages(List.of(" "))).field()).isEqualTo("languages");
        assertThat(refused(withLanguages(List.of("en-US"))).field()).isEqualTo("languages");
        parser.compile(withLanguages(List.of("ar", "en", "fa", "und", "ceb")));
    }

    @Test
    void weightedListsAreBoundedInCountAndLength() {
        List<String> many = Collections.nCopies(101, "drought");

        assertThat(refused(weighted(terms(2_000, 1), List.of(), List.of())).getMessage())
                .contains("terms: 2000 entries, at most 100");
        assertThat(refused(weighted(List.of(new Watch.Term("x".repeat(201), 1)), List.of(), List.of())).getMessage())
                .contains("terms: 201 characters, at most 200");
        assertThat(refused(weighted(terms(1, 1), many, List.of())).field()).isEqualTo("required");
        assertThat(refused(weighted(terms(1, 1), List.of(), many)).field()).isEqualTo("excluded");
        assertThat(refused(weighted(terms(1, 1), List.of("x".repeat(201)), List.of())).field())
                .isEqualTo("required");
    }

    @Test
    void luceneLimitsBeyondTheConfiguredOnesBecomeAnInvalidWatch() {
        WatchLimits generous = new WatchLimits(4000, 10, 100_000, 10, 5_000, 200, 3, 200, Duration.ofDays(30));

        InvalidWatchException e = refused(new WatchQueryParser(generous), weighted(terms(2_000, 1), List.of(),
                List.of()));

        assertThat(e.field()).isEqualTo("terms");
        assertThat(e.getMessage()).contains("cannot be compiled").contains("TooManyClauses");
    }

    @Test
    void aWebhookFormatIsOneOfTheKnownOnes() {
        Watch slak = new Watch("w", "n", "wheat", null, null, List.of(), null, null, List.of(), null, List.of(),
                List.of(), "slak");

        InvalidWatchException e = refused(slak);

        assertThat(e.field()).isEqualTo("webhookFormat");
        assertThat(e.getMessage()).contains("'slak' is not a format: use 'cloudevents' or 'slack'");
        assertThat(refused(new Watch("w", "n", "wheat", null, null, List.of(), null, null, List.of(), null,
                List.of(), List.of(), "Slack")).field()).isEqualTo("webhookFormat");
        parser.compile(new Watch("w", "n", "wheat", null, null, List.of(), null, null, List.of(), null, List.of(),
                List.of(), "slack"));
    }

    @Test
    void labelsIdAndThrottleAreBounded() {
        assertThat(refused(new Watch("w", "n".repeat(201), "x", null, null, List.of(), null, null)).field())
                .isEqualTo("name");
        assertThat(refused(new Watch("w", "n", "x", "o".repeat(201), null, List.of(), null, null)).field())
                .isEqualTo("owner");
        assertThat(refused(new Watch("w".repeat(129), "n", "x", null, null, List.of(), null, null)).field())
                .isEqualTo("id");
        assertThat(refused(new Watch("w", "n", "x", null, "d".repeat(101), List.of(), null, null)).field())
                .isEqualTo("desk");
        assertThat(refused(new Watch("w", "n", "x", null, null, List.of(), Duration.ofDays(31), null)).getMessage())
                .contains("throttle").contains("at most PT720H");
        parser.compile(new Watch("w", "n", "wheat", null, null, List.of(), Duration.ofDays(30), null));
    }

    @Test
    void onlyATrailingStarAfterEnoughCharactersIsAWildcard() {
        assertThat(parser.compile(query("elect*")).monitorQuery()).isNotNull();
        assertThat(parser.compile(query("title:انتخ*")).monitorQuery()).isNotNull();
        assertThat(refused(query("wheat AND el*")).getMessage()).contains("at least 3 characters before '*'");
        assertThat(refused(query("wheat AND el*")).column()).isEqualTo(13);
        assertThat(refused(query("*heat")).column()).isEqualTo(1);
        assertThat(refused(query("wh*at")).getMessage()).contains("trailing '*'");
        assertThat(refused(query("wheat*s")).column()).isEqualTo(6);
        assertThat(refused(query("wheat**")).field()).isEqualTo("query");
        assertThat(refused(query("*:*")).field()).isEqualTo("query");
        assertThat(refused(query("wh?at")).column()).isEqualTo(3);
    }

    @Test
    void fuzzyTermsRegularExpressionsAndRangesAreRefusedAtTheirColumn() {
        assertThat(refused(query("wheat~")).column()).isEqualTo(6);
        assertThat(refused(query("flour AND wheat~2")).getMessage()).contains("fuzzy matching");
        assertThat(refused(query("flour /wh.*t/")).column()).isEqualTo(7);
        assertThat(refused(query("flour /wh.*t/")).getMessage()).contains("regular expressions");
        assertThat(refused(query("title:[a TO b]")).column()).isEqualTo(7);
        assertThat(refused(query("title:{a TO b}")).getMessage()).contains("range queries");
        assertThat(parser.compile(query("\"security council\"~3")).monitorQuery().toString()).contains("~3");
        assertThat(parser.compile(query("\"security council\" ~3 AND vote")).monitorQuery()).isNotNull();
        assertThat(parser.compile(query("\"a/b ~ [x] wh?at *\" OR wheat")).monitorQuery()).isNotNull();
    }

    @Test
    void configuredLimitsApply() {
        WatchLimits tight = new WatchLimits(20, 2, 3, 1, 2, 10, 5, 5, Duration.ofHours(1));
        WatchQueryParser strict = new WatchQueryParser(tight);

        assertThat(refused(strict, query("((( wheat )))")).getMessage()).contains("nested deeper than 2");
        assertThat(refused(strict, query("wheat flour oats rye")).getMessage()).contains("at most 3");
        assertThat(refused(strict, query("elec*")).getMessage()).contains("at least 5 characters");
        assertThat(refused(strict, query("wheat AND flour AND bread")).getMessage()).contains("at most 20");
        assertThat(refused(strict, withLanguages(List.of("ar", "en"))).field()).isEqualTo("languages");
        assertThat(refused(strict, new Watch("w", "name-long", "x", null, null, List.of(), null, null)).field())
                .isEqualTo("name");
    }
}
