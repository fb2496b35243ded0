package io.raqib.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What an ingest run did: articles read, published (acknowledged by the broker), skipped as exact duplicates,
 * rejected with reasons, not acknowledged ({@code unacknowledged}, with the first {@code failure}'s reason), and the
 * watches files met among the inputs and skipped ({@link WatchFileShape}).
 */
public record IngestSummary(int read, int published, int duplicates, List<InputException> rejected,
                            int unacknowledged, String failure, List<Path> watchFiles) {

    /** One line per skipped watches file, for the user (not a rejection). */
    public List<String> skipNotices() {
        return watchFiles.stream().map(WatchFileShape::skipNotice).toList();
    }

    /** One human-readable line. */
    public String describe() {
        return "read " + read + ", published " + published + ", duplicates " + duplicates
                + ", rejected " + rejected.size()
                + (unacknowledged == 0 ? "" : ", not acknowledged " + unacknowledged + " (" + failure + ")");
    }

    /** True when every article read was published or was a duplicate. */
    public boolean complete() {
        return rejected.isEmpty() && unacknowledged == 0;
    }
}
