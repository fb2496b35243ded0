package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How CSV columns become article fields: a column named like a field ({@code title}, {@code body}, {@code url},
 * {@code source}, {@code language}, {@code published}, {@code author}, {@code categories}) maps to it, and
 * {@code --map column=field} adds or overrides mappings (e.g. BBC's {@code text=body,category=categories}).
 * Values double-encoded by a spreadsheet export ({@code Â£}) are repaired.
 */
public final class CsvColumns {

    private static final Set<String> FIELDS = Set.of("title", "body", "url", "source", "language", "published",
            "author", "categories", "id");
    private static final Map<String, String> ALIASES = Map.of("text", "body", "content", "body", "category",
            "categories", "link", "url", "date", "published", "headline", "title");

    private final Map<String, String> explicit;

    /** @param explicit column → field mappings given by the user */
    public CsvColumns(Map<String, String> explicit) {
        for (Map.Entry<String, String> e : explicit.entrySet()) {
            String field = resolve(e.getValue());
            if (field == null) {
                throw new IllegalArgumentException("--map " + e.getKey() + "=" + e.getValue() + ": unknown field '"
                        + e.getValue() + "' (expected one of " + FIELDS.stream().sorted().toList() + ")");
            }
        }
        this.explicit = Map.copyOf(explicit);
    }

    /** Parses {@code text=body,category=categories}. */
    public static CsvColumns parse(List<String> mappings) {
        Map<String, String> map = new HashMap<>();
        mappings.stream().flatMap(m -> Stream.of(m.split(","))).map(String::strip).filter(m -> !m.isEmpty())
                .forEach(m -> {
                    int eq = m.indexOf('=');
                    if (eq <= 0 || eq == m.length() - 1) {
                        throw new IllegalArgumentException("--map expects column=field, got '" + m + "'");
                    }
                    map.put(m.substring(0, eq).strip(), m.substring(eq + 1).strip());
                });
        return new CsvColumns(map);
    }

    /** Builds the article of one CSV row; {@code source} is used when no column gives one. */
    public Article article(Map<String, String> row, String source) {
        Map<String, String> f = new HashMap<>();
        row.forEach((column, value) -> {
            String field = explicit.containsKey(column) ? resolve(explicit.get(column)) : resolve(column);
            if (field != null && value != null && !value.isBlank()) {
                f.merge(field, Mojibake.repair(value), (a, b) -> a + "," + b);
            }
        });
        Instant published = null;
        if (f.containsKey("published")) {
            try {
                published = Instant.parse(f.get("published"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("column for 'published' is not an ISO-8601 instant: "
                        + f.get("published"));
            }
        }
        List<String> categories = f.containsKey("categories")
                ? Stream.of(f.get("categories").split("[,;|]")).map(String::strip).filter(c -> !c.isEmpty()).toList()
                : List.of();
        return new Article(f.get("id"), f.get("url"), f.getOrDefault("source", source), f.get("title"), f.get("body"),
                null, f.get("language"), published, null, f.get("author"), categories);
    }

    private static String resolve(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return FIELDS.contains(n) ? n : ALIASES.get(n);
    }
}
