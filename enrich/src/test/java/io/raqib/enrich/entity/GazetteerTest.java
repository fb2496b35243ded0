package io.raqib.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

    @TempDir
    Path dir;

    @Test
    void bundledGazetteerCoversWorldAndMiddleEastNews() {
        Map<String, GazetteerEntry> entries = Gazetteer.load(null).entries();

        assertThat(entries).hasSizeGreaterThanOrEqualTo(300);
        assertThat(entries.values()).allSatisfy(e -> {
            assertThat(e.qid()).matches("Q[1-9][0-9]*");
            assertThat(GazetteerEntry.TYPES).contains(e.type());
            assertThat(e.nameEn()).isNotBlank();
        });
        assertThat(entries.values().stream().map(GazetteerEntry::type).distinct())
                .containsExactlyInAnyOrder("person", "organization", "location");
        assertThat(entries.get("Q7747").names()).contains("Vladimir Putin", "فلاديمير بوتين", "الرئيس الروسي");
    }

    @Test
    void operatorFilesAddEntitiesAndVariantsWithoutARebuild() throws Exception {
        Files.writeString(dir.resolve("local.tsv"), """
                # a local gazetteer
                qid\ttype\tname_en\tname_ar\tvariants
                Q999999\torganization\tRaqib Watchers\tمراقبو رقيب\tWatchers
                Q7747\tperson\t\t\tأبو كاتيا
                """, StandardCharsets.UTF_8);

        Map<String, GazetteerEntry> entries = Gazetteer.load(dir).entries();

        assertThat(entries.get("Q999999").name("ar")).isEqualTo("مراقبو رقيب");
        assertThat(entries.get("Q7747").nameEn()).isEqualTo("Vladimir Putin");
        assertThat(entries.get("Q7747").names()).contains("أبو كاتيا", "بوتين");
    }

    @Test
    void aBadRowIsRejectedNamingFileAndLine() throws Exception {
        Files.writeString(dir.resolve("bad.tsv"), "qid\ttype\tname_en\tname_ar\tvariants\nQ12\tcity\tX\t\t\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Gazetteer.load(dir)).hasMessageContaining("bad.tsv:2")
                .hasMessageContaining("type must be one of");
    }

    @Test
    void aMalformedQidIsRejected() throws Exception {
        Files.writeString(dir.resolve("bad.tsv"), "qid\ttype\tname_en\tname_ar\tvariants\nputin\tperson\tX\t\t\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Gazetteer.load(dir)).hasMessageContaining("not a Wikidata QID: 'putin'");
    }
}
