package io.raqib.ingest.feed;

import java.util.List;

/** A parsed feed: its title, link, declared language and entries, whatever the format was. */
public record FeedDocument(String format, FeedText title, String link, String language, List<FeedEntry> entries) {

    public FeedDocument {
        entries = List.copyOf(entries);
    }
}
