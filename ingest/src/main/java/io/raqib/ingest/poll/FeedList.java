package io.raqib.ingest.poll;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.raqib.core.json.RaqibJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The feed list file: a YAML ({@code .yaml}/{@code .yml}) or JSON array of {@link FeedSource}s. Written
 * atomically (temporary file, then rename), so a running ingest never reads half a file.
 */
public final class FeedList {

    private final Path file;

    public FeedList(Path file) {
        this.file = file;
    }

    /** The feeds in the file; none when it does not exist yet. */
    public List<FeedSource> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<FeedSource> feeds = mapper().readValue(file.toFile(), new TypeReference<List<FeedSource>>() { });
            return feeds == null ? List.of() : feeds;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Adds a feed, replacing one with the same url; returns the new list. */
    public List<FeedSource> add(FeedSource feed) throws IOException {
        List<FeedSource> feeds = new ArrayList<>(read());
        feeds.removeIf(f -> f.url().equals(feed.url()));
        feeds.add(feed);
        write(feeds);
        return feeds;
    }

    /** Removes the feeds whose url or source id is {@code key}; returns how many were removed. */
    public int remove(String key) throws IOException {
        List<FeedSource> feeds = new ArrayList<>(read());
        int before = feeds.size();
        feeds.removeIf(f -> f.url().equals(key) || f.source().equals(key));
        write(feeds);
        return before - feeds.size();
    }

    private void write(List<FeedSource> feeds) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".feeds-", ".tmp");
        mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), feeds);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private ObjectMapper mapper() {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
                    .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .setDefaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        }
        return RaqibJson.mapper();
    }
}
