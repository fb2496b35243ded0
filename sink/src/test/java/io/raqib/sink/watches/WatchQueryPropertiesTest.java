package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever text a query holds, compiling it succeeds or throws {@link InvalidWatchException}, nothing else. */
class WatchQueryPropertiesTest {

    /** Pieces of the classic syntax, documented or not, and words in both scripts. */
    private static final List<String> PIECES = List.of("(", ")", "\"", "\\", "*", "?", "~", "~2", "/", "[", "]",
            "{", "}", ":", "^2", "+", "-", "!", "&&", "||", "AND", "OR", "NOT", "TO", " ", " ", " ", "wheat", "el",
            "قمح", "الإرهـ.ـاب", "title:", "lang:", "topic:", "entity:", "auther:", "2254", "\u3000", "\n");
    private final WatchQueryParser parser = new WatchQueryParser(WatchLimits.defaults());
    /** Long queries allowed, so the nesting check (not the length) meets 10,000 parentheses. */
    private final WatchQueryParser longQueries = new WatchQueryParser(new WatchLimits(100_000, 10, 256, 10, 100, 200,
            3, 200, Duration.ofDays(30)));

    private void compileOrRefuse(String query) {
        compileOrRefuse(parser, query);
    }

    private static void compileOrRefuse(WatchQueryParser parser, String query) {
        try {
            parser.compile(new Watch("w1", "w", query, null, null, List.of(), null, null));
        } catch (InvalidWatchException e) {
            assertThat(e.field()).isEqualTo("query");
            assertThat(e.column()).isNotZero().isLessThanOrEqualTo(query.length() + 1);
        }
    }

    @Property(tries = 2000)
    void queriesOfSyntaxPiecesCompileOrAreRefused(@ForAll("pieces") String query) {
        compileOrRefuse(query);
    }

    @Property(tries = 200)
    void longBracketAndQuoteStringsCompileOrAreRefused(@ForAll("brackets") String query) {
        compileOrRefuse(query);
    }

    @Property(tries = 50)
    void deepNestingAfterAnyPrefixIsRefused(@ForAll("pieces") String prefix) {
        compileOrRefuse(longQueries, prefix + "(".repeat(10_000) + "wheat" + ")".repeat(10_000));
    }

    @Provide
    Arbitrary<String> pieces() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(p -> String.join("", p));
    }

    @Provide
    Arbitrary<String> brackets() {
        return Arbitraries.strings().withChars("((((()\"\\ a").ofMinLength(1_000).ofMaxLength(4_000);
    }
}
