package io.raqib.ingest.poll;

import io.raqib.ingest.feed.Links;
import java.time.Duration;

/**
 * One entry of the feed list: where to poll, the source id its articles carry, an optional language hint and
 * the poll interval (ISO-8601 duration, default 15 minutes).
 */
public record FeedSource(String url, String source, String language, Duration interval) {

    /** The interval used when a feed does not say. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

    public FeedSource {
        if (url == null || !Links.isHttp(url)) {
            throw new IllegalArgumentException("feed url must be an http or https address, got " + url);
        }
        if (source == null || source.isBlank()) {
            source = java.net.URI.create(url.strip()).getHost();
        }
        interval = interval == null ? DEFAULT_INTERVAL : interval;
        if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("feed " + url + ": interval " + interval + " is under 10 seconds");
        }
    }
}
