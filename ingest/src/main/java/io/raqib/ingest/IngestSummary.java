package io.raqib.ingest;

import java.util.List;

/**
 * What an ingest run did: articles read, published (acknowledged by the broker), skipped as exact duplicates,
 * rejected with reasons, and not acknowledged ({@code unacknowledged}, with the first {@code failure}'s reason).
 */
public record IngestSummary(int read, int published, int duplicates, List<InputException> rejected,
                            int unacknowledged, String failure) {

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
