package io.raqib.sink.history;

import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Alert;
import io.raqib.core.model.AlertData;
import io.raqib.core.model.Highlight;
import io.raqib.core.model.VolumeAlert;
import java.time.Instant;
import java.util.List;

/** Alert events as {@code raqib.alerts} carries them, for the history's tests. */
final class HistoryAlerts {

    private HistoryAlerts() {
    }

    /** A watch alert's JSON with one body highlight. */
    static String alert(String id, String watchId, Instant time, String title, String fragment) {
        return RaqibJson.write(Alert.of(id, time, new AlertData(watchId, "name of " + watchId, "article-" + id, title,
                "https://news.example.org/" + id, "example-news", "ar", List.of(new Highlight("text", 0, 4, "word",
                fragment)), List.of(), List.of())));
    }

    /** A news source's silence event's JSON. */
    static String silence(String id, String source, Instant time) {
        return RaqibJson.write(VolumeAlert.of(VolumeAlert.SILENCE, id, VolumeAlert.SOURCE_SUBJECT + source, time,
                new VolumeAlert.Data("source", null, null, source, null, null, null, null, time.minusSeconds(10_800),
                        "PT20M", "PT3H")));
    }

    /** A watch's spike event's JSON. */
    static String spike(String id, String watchId, Instant time) {
        return RaqibJson.write(VolumeAlert.of(VolumeAlert.SPIKE, id, watchId, time, new VolumeAlert.Data("watch",
                watchId, "name of " + watchId, null, time.minusSeconds(3600), time, 40L, 5.0, null, null, null)));
    }
}
