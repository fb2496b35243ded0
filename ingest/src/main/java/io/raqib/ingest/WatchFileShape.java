package io.raqib.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.raqib.core.json.RaqibJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Tells a watches file from an article file by its shape: a {@code .json} file holding a watch object, or a
 * non-empty array of them, where every entry has a {@code query} and no {@code title} or {@code body}. Such a file
 * in a folder of articles (an old {@code samples/watches.json}, a watches file next to the articles it is tried on)
 * is skipped by the readers instead of rejected entry by entry.
 */
public final class WatchFileShape {

    private static final Set<String> ARTICLE_FIELDS = Set.of("title", "body");

    private WatchFileShape() {
    }

    /** True when {@code file} is a {@code .json} file shaped like watches; false too when it cannot be parsed. */
    public static boolean matches(Path file) {
        if (!"json".equals(ArticleFileReader.extension(file))) {
            return false;
        }
        try (JsonParser parser = RaqibJson.mapper().createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                return watchEntry(parser);
            }
            if (first != JsonToken.START_ARRAY) {
                return false;
            }
            boolean any = false;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                if (!watchEntry(parser)) {
                    return false;
                }
                any = true;
            }
            return any && parser.currentToken() == JsonToken.END_ARRAY;
        } catch (IOException e) {
            // Not well-formed JSON: the article reader reports it with its line.
            return false;
        }
    }

    /** Reads the fields of the object whose start the parser is on (stopping at the first article field). */
    private static boolean watchEntry(JsonParser parser) throws IOException {
        boolean query = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (ARTICLE_FIELDS.contains(name)) {
                return false;
            }
            query |= "query".equals(name);
            parser.nextToken();
            parser.skipChildren();
        }
        return query;
    }

    /** What the commands tell the user about a skipped watches file. */
    public static String skipNotice(Path file) {
        return "skipped " + file + ": a watches file (entries with a query, no title or body), not articles";
    }
}
