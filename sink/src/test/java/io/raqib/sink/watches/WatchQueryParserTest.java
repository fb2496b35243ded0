package io.raqib.sink.watches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.config.WatchLimits;
import io.raqib.core.model.Watch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchQueryParserTest {

    private final WatchQueryParser parser = new WatchQueryParser(WatchLimits.defaults());

    private static Watch watch(String query) {
        return new Watch("w1", "w", query, null, null, List.of(), null, null);
    }

    private String query(Watch watch) {
        return parser.compile(watch).monitorQuery().toString();
    }

    private InvalidWatchException refused(Watch watch) {
        try {
            parser.compile(watch);
        } catch (InvalidWatchException e) {
            return e;
        }
        throw new AssertionError("accepted: " + watch);
    }

    @Test
    void syntaxErrorNamesTheColumnAndTheReason() {
        InvalidWatchException e = refused(watch("wheat AND (flour OR"));

        assertThat(e.field()).isEqualTo("query");
        assertThat(e.column()).isEqualTo(20);
        assertThat(e.getMessage()).contains("watch 'w1'").contains("column 20").contains("Encountered");
    }

    @Test
    void unknownFieldIsRefusedAtItsPosition() {
        InvalidWatchException e = refused(watch("wheat AND auther:smith"));

        assertThat(e.getMessage()).contains("unknown field 'auther'");
        assertThat(e.column()).isEqualTo(11);
    }

    @Test
    void leadingWildcardRangeAndEmptyQueriesAreRefused() {
        assertThat(refused(watch("*heat")).field()).isEqualTo("query");
        assertThat(refused(watch("title:[a TO b]")).getMessage()).contains("range queries are not supported");
        assertThat(refused(watch("  ")).getMessage()).contains("query is required");
        assertThat(refused(watch("...")).getMessage()).contains("no searchable word");
    }

    @Test
    void malformedRegularExpressionIsRefusedNotThrown() {
        InvalidWatchException e = refused(watch("wheat OR /a)b/"));

        assertThat(e.field()).isEqualTo("query");
        assertThat(e.getMessage()).contains("invalid query");
    }

    @Test
    void regularExpressionsThatOnceMadeTheMonitorFailAreRefusedAsUnsupportedSyntax() {
        for (String query : List.of("/#/", "wheat OR /a&b/", "title:/~(.*)/")) {
            InvalidWatchException e = refused(watch(query));

            assertThat(e.field()).as(query).isEqualTo("query");
            assertThat(e.getMessage()).as(query).contains(QueryPrecheck.REGEXP);
        }
    }

    @Test
    void weightBeyondTheFloatRangeIsRefused() {
        Watch huge = new Watch("w", "n", null, null, null, List.of(), null, null,
                List.of(new Watch.Term("drought", 1e39)), 1.0, List.of(), List.of());

        assertThat(refused(huge).field()).isEqualTo("terms");
    }

    @Test
    void attributesAreChecked() {
        assertThat(refused(new Watch("bad id", "n", "x", null, null, List.of(), null, null)).field()).isEqualTo("id");
        assertThat(refused(new Watch("w", "n", "x", null, "Levant Desk", List.of(), null, null)).field())
                .isEqualTo("desk");
        assertThat(refused(new Watch("w", "n", "x", null, null, List.of(), Duration.ZERO, null)).field())
                .isEqualTo("throttle");
    }

    @Test
    void keywordFieldsAreExactAndTopicAcceptsTheBareIptcNumber() {
        assertThat(query(watch("entity:Q7747"))).isEqualTo("entity:Q7747");
        assertThat(query(watch("lang:AR"))).isEqualTo("lang:ar");
        assertThat(query(watch("topic:11000000"))).isEqualTo("topic:medtop:11000000");
        assertThat(query(watch("topic:\"medtop:11000000\""))).isEqualTo("topic:medtop:11000000");
        assertThat(query(watch("source:SaudiGazette"))).isEqualTo("source:SaudiGazette");
    }

    @Test
    void weightedFormNeedsPositiveWeightsAndAThreshold() {
        Watch noThreshold = new Watch("w", "n", null, null, null, List.of(), null, null,
                List.of(new Watch.Term("drought", 2)), null, List.of(), List.of());
        Watch negative = new Watch("w", "n", null, null, null, List.of(), null, null,
                List.of(new Watch.Term("drought", -1)), 1.0, List.of(), List.of());

        assertThat(refused(noThreshold).field()).isEqualTo("threshold");
        assertThat(refused(negative).field()).isEqualTo("terms");
        assertThat(parser.compile(new Watch("w", "n", null, null, null, List.of(), null, null,
                List.of(new Watch.Term("drought", 2)), 1.0, List.of(), List.of())).scored()).isTrue();
    }
}
