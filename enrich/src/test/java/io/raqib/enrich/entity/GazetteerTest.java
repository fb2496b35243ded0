package io.raqib.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void variantsCarryTheirKindAndRowsMayAddSourceAndContext() throws Exception {
        Files.writeString(dir.resolve("typed.tsv"), """
                qid\ttype\tname_en\tname_ar\tvariants\tsource\tcontext
                Q999998\tperson\tJane Roe\t\tsurname:Roe|nickname:JR|role:Chief|acronym:ROE|J. Roe\tchecked\tQ159|Q133274
                Q999997\torganization\tRoe Desk\t\tRD
                """, StandardCharsets.UTF_8);

        GazetteerEntry roe = Gazetteer.load(dir).entries().get("Q999998");

        assertThat(roe.variants()).containsExactly(new Variant("Roe", Variant.Kind.SURNAME),
                new Variant("JR", Variant.Kind.NICKNAME), new Variant("Chief", Variant.Kind.ROLE),
                new Variant("ROE", Variant.Kind.ACRONYM), Variant.name("J. Roe"));
        assertThat(roe.source()).isEqualTo("checked");
        assertThat(roe.context()).containsExactly("Q159", "Q133274");
        assertThat(Gazetteer.load(dir).entries().get("Q999997").variants()).containsExactly(Variant.name("RD"));
    }

    @Test
    void bundledPeopleHaveTypedSurnamesAndRoles() {
        Map<String, GazetteerEntry> entries = Gazetteer.load(null).entries();

        assertThat(entries.get("Q312575").variants()).contains(new Variant("بيسكوف", Variant.Kind.SURNAME),
                Variant.name("ديمتري بيسكوف"));
        assertThat(entries.get("Q312575").context()).contains("Q159", "Q133274", "Q7747");
        assertThat(entries.get("Q7747").variants()).contains(new Variant("الرئيس الروسي", Variant.Kind.ROLE),
                new Variant("Russian President", Variant.Kind.ROLE));
        assertThat(entries.get("Q44329").variants()).contains(new Variant("الأسد", Variant.Kind.SURNAME));
        assertThat(entries.get("Q7817").variants()).contains(new Variant("WHO", Variant.Kind.ACRONYM));
    }

    @Test
    void everyBundledContextQidIsAKnownEntity() {
        Map<String, GazetteerEntry> entries = Gazetteer.load(null).entries();

        assertThat(entries.values().stream().flatMap(e -> e.context().stream()))
                .isNotEmpty().allSatisfy(q -> assertThat(entries).containsKey(q));
    }

    @Test
    void anOperatorRowRetypesAVariantAndAddsContext() throws Exception {
        Files.writeString(dir.resolve("local.tsv"), "qid\ttype\tname_en\tname_ar\tvariants\tsource\tcontext\n"
                + "Q1058\tperson\t\t\tModi\t\tQ851\n", StandardCharsets.UTF_8);

        GazetteerEntry modi = Gazetteer.load(dir).entries().get("Q1058");

        assertThat(modi.variants()).contains(Variant.name("Modi"))
                .doesNotContain(new Variant("Modi", Variant.Kind.SURNAME));
        assertThat(modi.context()).contains("Q668", "Q851");
        assertThat(modi.nameEn()).isEqualTo("Narendra Modi");
    }

    @Test
    void anUnknownVariantKindOrAKindWithoutANameIsRejectedNamingFileAndLine() throws Exception {
        Map<String, String> reasons = Map.of(
                "surname:X|alias:Ex", "unknown variant kind 'alias' in 'alias:Ex'",
                "Surname:X", "unknown variant kind 'Surname'",
                "role:", "has a kind but no name");
        for (Map.Entry<String, String> bad : reasons.entrySet()) {
            Files.writeString(dir.resolve("bad.tsv"), "qid\ttype\tname_en\tname_ar\tvariants\n"
                    + "Q12\tperson\tX\t\t" + bad.getKey() + "\n", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Gazetteer.load(dir)).hasMessageContaining("bad.tsv:2")
                    .hasMessageContaining(bad.getValue());
        }
    }

    @Test
    void aContextCellThatIsNotAListOfQidsIsRejected() throws Exception {
        for (String context : List.of("Russia", "Q159|Kremlin", "Q0159")) {
            Files.writeString(dir.resolve("bad.tsv"), "qid\ttype\tname_en\tname_ar\tvariants\tsource\tcontext\n"
                    + "Q12\tperson\tX\t\tsurname:X\t\t" + context + "\n", StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Gazetteer.load(dir)).hasMessageContaining("bad.tsv:2")
                    .hasMessageContaining("context: not a Wikidata QID");
        }
    }
}
