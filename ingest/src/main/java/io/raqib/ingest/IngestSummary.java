package io.raqib.ingest;

import java.util.List;

/** What an ingest run did: articles read, published, skipped as exact duplicates, and rejected with reasons. */
public record IngestSummary(int read, int published, int duplicates, List<InputException> rejected) {

    /** One human-readable line. */
    public String describe() {
        return "read " + read + ", published " + published + ", duplicates " + duplicates
                + ", rejected " + rejected.size();
    }
}
