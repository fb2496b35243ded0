package io.raqib.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 and 1.1 (jsonfeed.org): {@code items} with {@code content_html}/{@code content_text}. */
final class JsonFeedParser {

    private JsonFeedParser() {
    }

    /** True when the JSON document declares a JSON Feed version. */
    static boolean isJsonFeed(JsonNode root) {
        return root.isObject() && root.path("version").asText("").startsWith("https://jsonfeed.org/version/");
    }

    /** Parses a JSON Feed document; {@code baseUri} resolves relative item URLs. */
    static FeedDocument parse(String json, String baseUri) throws FeedException {
        JsonNode root;
        try {
            root = RaqibJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's limits (nesting depth, number length) are reported without a location.
            throw new FeedException("invalid JSON" + (e.getLocation() == null ? "" : " at line "
                    + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !isJsonFeed(root)) {
            throw new FeedException("not a JSON Feed: 'version' must be https://jsonfeed.org/version/1 or /1.1");
        }
        return parse(root, baseUri);
    }

    static FeedDocument parse(JsonNode root, String baseUri) throws FeedException {
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            throw new FeedException("JSON Feed without an 'items' array");
        }
        String home = Links.resolve(baseUri, text(root, "home_page_url"));
        String base = home != null ? home : baseUri;
        String language = text(root, "language");
        List<FeedEntry> entries = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            String html = text(item, "content_html");
            String plain = text(item, "content_text");
            if (html == null && plain == null) {
                plain = text(item, "summary");
            }
            String link = Links.resolve(base, text(item, "url"));
            if (link == null) {
                link = Links.resolve(base, text(item, "external_url"));
            }
            List<String> tags = new ArrayList<>();
            item.path("tags").forEach(t -> tags.add(t.asText()));
            String itemLanguage = text(item, "language");
            entries.add(new FeedEntry(FeedText.plain(text(item, "title")), link, text(item, "id"),
                    author(item.has("authors") || item.has("author") ? item : root), tags,
                    date(item, "date_published", "date_modified"), html,
                    plain != null ? plain.strip() : HtmlText.toText(html),
                    itemLanguage != null ? itemLanguage : language));
        }
        return new FeedDocument("json" + root.path("version").asText().replaceAll(".*/version/", ""),
                FeedText.plain(text(root, "title")), home, language, entries);
    }

    private static String author(JsonNode node) {
        JsonNode authors = node.path("authors");
        JsonNode first = authors.isArray() && !authors.isEmpty() ? authors.get(0) : node.path("author");
        return text(first, "name");
    }

    private static Instant date(JsonNode item, String... fields) {
        for (String field : fields) {
            String value = text(item, field);
            if (value != null) {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException e) {
                    // RFC 3339 is required by the spec; try the next field rather than lose the item.
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }
}
