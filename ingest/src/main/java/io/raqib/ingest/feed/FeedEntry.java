package io.raqib.ingest.feed;

import java.time.Instant;
import java.util.List;

/**
 * One item of a feed, format-neutral.
 *
 * @param link       the entry's link resolved against the feed's base, or null
 * @param guid       the feed's identifier for the entry (RSS guid, Atom id, JSON Feed id), or null
 * @param html       the entry's content (or summary) as HTML, or null when the feed gave only text
 * @param text       the entry's content as plain text
 * @param language   the entry's or the feed's declared language, or null
 */
public record FeedEntry(FeedText title, String link, String guid, String author, List<String> categories,
                        Instant published, String html, String text, String language) {

    public FeedEntry {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
