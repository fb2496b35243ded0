package io.raqib.enrich.boilerplate;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.enrich.text.DataFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real boilerplate and story lines from SaudiNewsNet and BBC News (test resource {@code real-lines.tsv}). */
class RealLinesTest {

    private static final LineForms FORMS = LineForms.load(null);

    @Test
    void everyRealLineIsKeptDroppedOrCutAsExpected() {
        List<DataFiles.Row> rows = DataFiles.fromDirectory(Path.of("src/test/resources/boilerplate"));
        assertThat(rows).hasSizeGreaterThan(40);
        for (DataFiles.Row row : rows) {
            String line = row.cell(2);
            LineCut cut = FORMS.cut(line);
            String expected = row.cell(0);
            switch (expected) {
                case "keep" -> assertThat(cut.cut()).as(row.source() + " " + line).isFalse();
                case "drop" -> assertThat(cut.dropped()).as(row.source() + " " + line).isTrue();
                case "cut" -> assertThat(cut.kept(line)).as(row.source() + " " + line).isEqualTo(row.cell(3));
                default -> throw row.error("expected keep, drop or cut, not " + expected);
            }
        }
    }
}
