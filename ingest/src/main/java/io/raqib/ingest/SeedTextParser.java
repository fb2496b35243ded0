package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.time.Instant;

/**
 * Parses the seed text format: the first non-empty line is the title; everything after it is the body,
 * verbatim (a repeated title, the byline and read-also lines are boilerplate that enrich removes, keeping body
 * offsets true to the source).
 */
public final class SeedTextParser {

    private SeedTextParser() {
    }

    /** Parses one seed-format text; {@code source} names where it came from. */
    public static Article parse(String text, String source, String url) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        normalized = normalized.stripLeading();
        int newline = normalized.indexOf('\n');
        String title = (newline < 0 ? normalized : normalized.substring(0, newline)).strip();
        String body = newline < 0 ? "" : normalized.substring(newline + 1).strip();
        return new Article(null, url, source, title, body, null, null, null, Instant.now());
    }
}
