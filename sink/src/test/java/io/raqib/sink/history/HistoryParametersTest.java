package io.raqib.sink.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.raqib.core.text.RaqibAnalyzer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryParametersTest {

    private static HistoryParameters params(Map<String, String> given) {
        return new HistoryParameters(given::get, new RaqibAnalyzer());
    }

    private static void assertBad(Runnable read, String field) {
        assertThatThrownBy(read::run).isInstanceOf(HistoryParameters.BadParameter.class)
                .extracting(e -> ((HistoryParameters.BadParameter) e).field()).isEqualTo(field);
    }

    @Test
    void readsEveryFilterAndDefaults() {
        HistoryParameters p = params(Map.of("watch", "w1", "desk", "levant", "from", "2026-12-01",
                "to", "2026-12-02T10:00:00+02:00", "q", " wheat ", "type", "raqib.alert"));
        assertThat(p.filter()).isEqualTo(new HistoryFilter("w1", "levant", Instant.parse("2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-02T08:00:00Z"), "wheat", "raqib.alert"));
        assertThat(p.page()).isZero();
        assertThat(p.size()).isEqualTo(HistoryParameters.DEFAULT_SIZE);
        assertThat(params(Map.of()).filter()).isEqualTo(HistoryFilter.ALL);
    }

    @Test
    void namesTheBadParameter() {
        assertBad(() -> params(Map.of("from", "yesterday")).filter(), "from");
        assertBad(() -> params(Map.of("from", "2026-12-02", "to", "2026-12-01")).filter(), "to");
        assertBad(() -> params(Map.of("type", "raqib.other")).filter(), "type");
        assertBad(() -> params(Map.of("q", "!!! ...")).filter(), "q");
        assertBad(() -> params(Map.of("q", "x".repeat(501))).filter(), "q");
        assertBad(() -> params(Map.of("size", "501")).size(), "size");
        assertBad(() -> params(Map.of("size", "0")).size(), "size");
        assertBad(() -> params(Map.of("page", "-1")).page(), "page");
        assertBad(() -> params(Map.of("page", "two")).page(), "page");
        assertBad(() -> params(Map.of("page", "200", "size", "500")).page(), "page");
        assertBad(() -> params(Map.of("format", "xlsx")).format(), "format");
        assertThat(params(Map.of("page", "199", "size", "500")).page()).isEqualTo(199);
        assertThat(params(Map.of("format", "jsonl")).format()).isEqualTo("jsonl");
    }

    @Test
    void aCsvExportHasAByteOrderMarkUnlessToldNotAndJsonLinesNever() {
        assertThat(params(Map.of()).bom("csv")).isTrue();
        assertThat(params(Map.of("bom", "false")).bom("csv")).isFalse();
        assertThat(params(Map.of("bom", "true")).bom("csv")).isTrue();
        assertThat(params(Map.of()).bom("jsonl")).isFalse();
        assertThat(params(Map.of("bom", "false")).bom("jsonl")).isFalse();
        assertBad(() -> params(Map.of("bom", "true")).bom("jsonl"), "bom");
        assertBad(() -> params(Map.of("bom", "yes")).bom("csv"), "bom");
    }
}
