package io.raqib.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import io.raqib.ingest.feed.HtmlText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads one JSON article object in any of the shapes Raqib accepts: Raqib's own {@code Article}, IPTC ninjs
 * (1.x {@code headline}/{@code body_text}, 2.x {@code headlines}/{@code bodies}) and the SaudiNewsNet corpus
 * ({@code content}, {@code date_extracted}, {@code author}).
 */
public final class ArticleJson {

    /** SaudiNewsNet's extraction time is local time in Saudi Arabia. */
    private static final ZoneId SAUDI = ZoneId.of("Asia/Riyadh");
    private static final DateTimeFormatter SAUDI_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper MAPPER = RaqibJson.mapper();

    private ArticleJson() {
    }

    /** Converts one JSON object; throws {@link JsonProcessingException} naming the bad field. */
    public static Article read(JsonNode node) throws JsonProcessingException {
        if (!node.isObject()) {
            throw new InvalidField("", "expected an article object, got "
                    + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        if (node.has("content") && node.has("date_extracted")) {
            return saudiNewsNet(node);
        }
        if (!node.has("title") && !node.has("body")
                && (node.has("headline") || node.has("headlines") || node.has("body_text") || node.has("bodies"))) {
            return ninjs(node);
        }
        try {
            return MAPPER.treeToValue(node, Article.class);
        } catch (JsonProcessingException e) {
            // The article's own field: an element of a list (categories[0]) has no field name.
            String field = e instanceof JsonMappingException m ? m.getPath().stream()
                    .map(JsonMappingException.Reference::getFieldName).filter(Objects::nonNull).findFirst().orElse("")
                    : "";
            boolean instant = "published".equals(field) || "ingestedAt".equals(field);
            throw new InvalidField(field, instant ? "not an ISO-8601 instant such as 2025-05-28T10:00:00Z: "
                    + node.path(field) : e.getOriginalMessage());
        }
    }

    private static Article saudiNewsNet(JsonNode n) throws InvalidField {
        Instant published = null;
        String date = text(n, "date_extracted");
        if (date != null) {
            try {
                published = LocalDateTime.parse(date, SAUDI_DATE).atZone(SAUDI).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidField("date_extracted", "not a 'yyyy-MM-dd HH:mm:ss' date: " + date);
            }
        }
        return new Article(null, text(n, "url"), text(n, "source"), text(n, "title"), text(n, "content"), null,
                "ar", published, null, text(n, "author"), List.of());
    }

    private static Article ninjs(JsonNode n) throws InvalidField {
        String title = text(n, "headline");
        if (title == null && n.path("headlines").isArray() && !n.path("headlines").isEmpty()) {
            title = text(n.path("headlines").get(0), "value");
        }
        String html = text(n, "body_html");
        String body = text(n, "body_text");
        for (JsonNode b : n.path("bodies")) {
            String type = b.path("contenttype").asText("");
            if (html == null && type.contains("html")) {
                html = text(b, "value");
            } else if (body == null && !type.contains("html")) {
                body = text(b, "value");
            }
        }
        if (body == null && html != null) {
            body = HtmlText.toText(html);
        }
        String byline = text(n, "byline");
        if (byline == null && n.path("bylines").isArray() && !n.path("bylines").isEmpty()) {
            byline = text(n.path("bylines").get(0), "byline");
        }
        List<String> subjects = new ArrayList<>();
        n.path("subject").forEach(s -> subjects.add(s.isTextual() ? s.asText() : s.path("name").asText(null)));
        subjects.removeIf(s -> s == null || s.isBlank());
        String uri = text(n, "uri");
        String url = uri != null && uri.startsWith("http") ? uri : null;
        return new Article(null, url, text(n, "copyrightholder"), title, body, html, text(n, "language"),
                instant(n, "firstcreated", "versioncreated"), null, byline, subjects);
    }

    private static Instant instant(JsonNode n, String... fields) throws InvalidField {
        for (String field : fields) {
            String value = text(n, field);
            if (value != null) {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidField(field, "not an ISO-8601 date-time with offset: " + value);
                }
            }
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    /** A JSON value that cannot become an article; {@link #field()} names where. */
    public static final class InvalidField extends JsonProcessingException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidField(String field, String reason) {
            super(field.isEmpty() ? reason : "field '" + field + "': " + reason);
            this.field = field;
        }

        /** The offending field name, empty when the whole value is wrong. */
        public String field() {
            return field;
        }
    }
}
