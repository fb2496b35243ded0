package io.raqib.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchFileShapeTest {

    @TempDir
    Path dir;

    private boolean matches(String name, String content) throws IOException {
        return WatchFileShape.matches(Files.writeString(dir.resolve(name), content));
    }

    @Test
    void anArrayOfWatchesIsAWatchesFile() throws IOException {
        assertThat(matches("w.json", """
                [{"id": "a", "query": "syria", "languages": ["ar"], "terms": [{"term": "x", "weight": 2}]},
                 {"id": "b", "name": "B", "query": "wheat"}]""")).isTrue();
    }

    @Test
    void oneWatchObjectIsAWatchesFile() throws IOException {
        assertThat(matches("one.json", "{\"id\": \"a\", \"query\": \"syria\"}")).isTrue();
    }

    @Test
    void articlesAreNot() throws IOException {
        assertThat(matches("a.json", "[{\"title\": \"T\", \"body\": \"B\"}]")).isFalse();
        assertThat(matches("b.json", "{\"title\": \"T\", \"body\": \"B\", \"query\": \"q\"}")).isFalse();
        assertThat(matches("mixed.json", "[{\"id\": \"a\", \"query\": \"q\"}, {\"body\": \"B\"}]"))
                .as("one article among watches: read as articles, each refusal named").isFalse();
        assertThat(matches("feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"))
                .isFalse();
    }

    @Test
    void emptyBrokenAndOtherFilesAreNot() throws IOException {
        assertThat(matches("empty.json", "[]")).isFalse();
        assertThat(matches("broken.json", "[{\"query\": ")).isFalse();
        assertThat(matches("watches.jsonl", "{\"id\": \"a\", \"query\": \"syria\"}")).isFalse();
    }
}
