package io.raqib.sink.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertCsvTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:30:00Z");

    @Test
    void headerNamesTheColumnsInOrder() {
        assertThat(AlertCsv.header()).isEqualTo("time,alertId,watchId,watchName,desk,articleId,title,url,source,"
                + "language,storyId,fragment\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndGuardsFormulas() {
        assertThat(AlertCsv.cell("plain")).isEqualTo("plain");
        assertThat(AlertCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(AlertCsv.cell("he said \"no\"")).isEqualTo("\"he said \"\"no\"\"\"");
        assertThat(AlertCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AlertCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(AlertCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AlertCsv.cell("-2")).isEqualTo("'-2");
        assertThat(AlertCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AlertCsv.cell("\t=1+2")).isEqualTo("'\t=1+2");
        assertThat(AlertCsv.cell("\r=1+2")).isEqualTo("\"'\r=1+2\"");
        assertThat(AlertCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(AlertCsv.cell("")).isEmpty();
    }

    @Test
    void aRowTakesTheFirstFragmentOutsideTheTitle() {
        AlertData data = new AlertData("w1", "Wheat, Syria", "art-1", "=cmd|' /C calc'!A0", "https://x.example/1",
                "example-news", "ar", List.of(new Highlight("title", 0, 4, "cmd", "title fragment"),
                new Highlight("text", 10, 15, "wheat", "body \"fragment\"")), List.of(), List.of())
                .withStoryId("story-9");
        String row = AlertCsv.row(new StoredAlert(RaqibJson.write(Alert.of("al-1", T0, data)), "levant"));
        assertThat(row).isEqualTo("2026-11-01T08:30:00Z,al-1,w1,\"Wheat, Syria\",levant,art-1,'=cmd|' /C calc'!A0,"
                + "https://x.example/1,example-news,ar,story-9,\"body \"\"fragment\"\"\"\r\n");
    }

    @Test
    void aSpikeRowHasItsWatchAndNoArticle() {
        String row = AlertCsv.row(new StoredAlert(HistoryAlerts.spike("s1", "w2", T0), null));
        assertThat(row).isEqualTo("2026-11-01T08:30:00Z,s1,w2,name of w2,,,,,,,,\r\n");
    }
}
