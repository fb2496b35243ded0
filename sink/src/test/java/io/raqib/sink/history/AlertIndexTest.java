package io.raqib.sink.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.VolumeAlert;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertIndexTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Function<String, String> DESKS = watch -> watch.startsWith("levant") ? "levant"
            : watch.startsWith("gulf") ? "gulf" : null;

    @TempDir
    Path dir;

    private static boolean add(AlertIndex index, String json) throws IOException {
        return index.add(json, DESKS, Instant.EPOCH);
    }

    private static List<String> ids(HistoryPage page) {
        return page.alerts().stream().map(a -> id(a.json())).toList();
    }

    private static String id(String json) {
        try {
            return RaqibJson.mapper().readTree(json).path("id").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HistoryFilter text(String q) {
        return new HistoryFilter(null, null, null, null, q, null);
    }

    @Test
    void filtersByWatchDeskTimeTypeAndTextNewestFirst() throws IOException {
        try (AlertIndex index = new AlertIndex(dir)) {
            add(index, HistoryAlerts.alert("a1", "levant-wheat", T0, "Wheat harvest in Syria", "the harvest failed"));
            add(index, HistoryAlerts.alert("a2", "gulf-oil", T0.plusSeconds(60), "Oil prices", "crude rose"));
            add(index, HistoryAlerts.alert("a3", "levant-wheat", T0.plusSeconds(120), "الحرب في سوريا",
                    "قالت المصادر إن الحرب مستمرة"));
            add(index, HistoryAlerts.spike("s1", "levant-wheat", T0.plusSeconds(180)));
            add(index, HistoryAlerts.alert("x1", "orphan", T0.plusSeconds(240), "No desk", "none"));
            add(index, HistoryAlerts.silence("q1", "sana.sy", T0.plusSeconds(300)));
            index.refresh();

            assertThat(ids(index.search(HistoryFilter.ALL, 0, 50))).containsExactly("q1", "x1", "s1", "a3", "a2",
                    "a1");
            assertThat(ids(index.search(new HistoryFilter("levant-wheat", null, null, null, null, null), 0, 50)))
                    .containsExactly("s1", "a3", "a1");
            assertThat(ids(index.search(HistoryFilter.ALL.withDesk("gulf"), 0, 50)))
                    .as("its watches' alerts, and a source's silence, which concerns every desk")
                    .containsExactly("q1", "a2");
            assertThat(ids(index.search(new HistoryFilter(null, null, T0.plusSeconds(60), T0.plusSeconds(180), null,
                    null), 0, 50))).as("from inclusive, to exclusive").containsExactly("a3", "a2");
            assertThat(ids(index.search(new HistoryFilter(null, "levant", null, null, null, Alert.TYPE), 0, 50)))
                    .containsExactly("a3", "a1");
            assertThat(ids(index.search(new HistoryFilter(null, null, null, null, null, VolumeAlert.SPIKE), 0, 50)))
                    .containsExactly("s1");
            assertThat(ids(index.search(text("harvest"), 0, 50))).as("title and fragment").containsExactly("a1");
            assertThat(ids(index.search(text("crude"), 0, 50))).containsExactly("a2");
            assertThat(ids(index.search(text("example-news oil"), 0, 50))).as("source, all words")
                    .containsExactly("a2");
            assertThat(ids(index.search(text("name of gulf-oil"), 0, 50))).as("watch name").containsExactly("a2");
            assertThat(ids(index.search(text("wheat rice"), 0, 50))).isEmpty();
        }
    }

    @Test
    void arabicIsSearchedThroughRaqibsAnalysis() throws IOException {
        try (AlertIndex index = new AlertIndex(dir)) {
            add(index, HistoryAlerts.alert("a1", "levant-wheat", T0, "الحرب في سورية", "أسعار القمح"));
            add(index, HistoryAlerts.alert("a2", "levant-wheat", T0, "السلام", "قالت المصادر"));
            index.refresh();
            assertThat(ids(index.search(text("الحــــرب"), 0, 50))).as("tatweel disguise").containsExactly("a1");
            assertThat(ids(index.search(text("والحرب"), 0, 50))).as("proclitic").containsExactly("a1");
            assertThat(ids(index.search(text("سوريه"), 0, 50))).as("taa marbuta spelt as haa").containsExactly("a1");
            assertThat(ids(index.search(text("اسعار"), 0, 50))).as("alef without hamza").containsExactly("a1");
        }
    }

    @Test
    void pagesCountTheWholeMatchAndExportReadsEverythingNewestFirst() throws IOException {
        int n = AlertIndex.EXPORT_BATCH + 7;
        try (AlertIndex index = new AlertIndex(dir)) {
            for (int i = 0; i < n; i++) {
                add(index, HistoryAlerts.alert(String.format("a%05d", i), "levant-wheat", T0.plusSeconds(i), "t", "f"));
            }
            index.refresh();
            HistoryPage second = index.search(HistoryFilter.ALL, 1, 10);
            assertThat(second.total()).isEqualTo(n);
            assertThat(ids(second)).containsExactlyElementsOf(IntStream.rangeClosed(10, 19)
                    .mapToObj(k -> String.format("a%05d", n - 1 - k)).toList());
            assertThat(index.search(HistoryFilter.ALL, n / 10 + 1, 10).alerts()).isEmpty();
            List<String> exported = new ArrayList<>();
            index.export(HistoryFilter.ALL, a -> {
                assertThat(a.desk()).isEqualTo("levant");
                exported.add(id(a.json()));
            });
            assertThat(exported).hasSize(n).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    @Test
    void aReopenedIndexHasWhatWasCommittedWithItsPositionsAndDropsOldAlerts() throws IOException {
        try (AlertIndex index = new AlertIndex(dir)) {
            assertThat(index.committedPositions()).isEmpty();
            add(index, HistoryAlerts.alert("old", "levant-wheat", T0.minusSeconds(86_400), "old", "f"));
            add(index, HistoryAlerts.alert("kept", "levant-wheat", T0, "kept", "f"));
            index.commit(Map.of(0, 2L, 1, 0L));
            add(index, HistoryAlerts.alert("uncommitted", "levant-wheat", T0, "lost", "f"));
        }
        try (AlertIndex index = new AlertIndex(dir)) {
            assertThat(index.committedPositions()).isEqualTo(Map.of(0, 2L, 1, 0L));
            assertThat(ids(index.search(HistoryFilter.ALL, 0, 50))).as("what the positions cover, no more")
                    .containsExactly("kept", "old");
            index.removeBefore(T0.minusSeconds(60));
            index.refresh();
            assertThat(ids(index.search(HistoryFilter.ALL, 0, 50))).containsExactly("kept");
            add(index, HistoryAlerts.alert("kept", "levant-wheat", T0, "kept again", "f"));
            index.refresh();
            assertThat(index.search(HistoryFilter.ALL, 0, 50).total()).as("an id read again replaces itself")
                    .isEqualTo(1);
            assertThat(add(index, "{\"not\": \"an event\"}")).isFalse();
            assertThat(index.add(HistoryAlerts.alert("late", "levant-wheat", T0.minusSeconds(61), "t", "f"), DESKS,
                    T0.minusSeconds(60))).as("past the retention").isFalse();
        }
    }
}
