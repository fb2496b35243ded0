package io.raqib.app.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.EnrichedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the SaudiNewsNet corpus for benchmarks: a folder of {@code .zip} files (in name order), each holding JSON
 * arrays of {@code {source, url, date_extracted, title, author, content}}, streamed so memory stays flat.
 */
public final class SaudiNewsNetCorpus {

    private SaudiNewsNetCorpus() {
    }

    /** One corpus article. */
    public record Item(String source, String url, String title, String content) {

        /** As the enriched Arabic article the sink sees (the corpus has no boilerplate: clean body = content). */
        public EnrichedArticle toArticle(int index) {
            String id = "snn-" + index;
            return new EnrichedArticle(id, url, source, title, content, null, "ar", null, null, content, List.of(),
                    List.of(), null, id);
        }
    }

    /** The first {@code limit} articles with a non-empty title or content. */
    public static List<Item> read(Path dir, int limit) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder of SaudiNewsNet .zip files");
        }
        List<Path> zips;
        try (Stream<Path> files = Files.list(dir)) {
            zips = files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        if (zips.isEmpty()) {
            throw new IOException(dir + ": no .zip files");
        }
        List<Item> out = new ArrayList<>();
        for (Path zip : zips) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null && out.size() < limit; e = in.getNextEntry()) {
                    if (e.getName().endsWith(".json")) {
                        readArray(in, zip + "!" + e.getName(), out, limit);
                    }
                }
            }
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private static void readArray(InputStream in, String where, List<Item> out, int limit) throws IOException {
        JsonParser parser = RaqibJson.mapper().getFactory().createParser(new NonClosing(in));
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException(where + ": not a JSON array");
        }
        while (out.size() < limit && parser.nextToken() == JsonToken.START_OBJECT) {
            com.fasterxml.jackson.databind.JsonNode node = RaqibJson.mapper().readTree(parser);
            String title = node.path("title").asText("");
            String content = node.path("content").asText("");
            if (!title.isBlank() || !content.isBlank()) {
                out.add(new Item(node.path("source").asText(""), node.path("url").asText(""), title, content));
            }
        }
    }

    /** Keeps the zip stream open when the JSON parser is done with one entry. */
    private static final class NonClosing extends java.io.FilterInputStream {

        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream is closed by its owner
        }
    }
}
