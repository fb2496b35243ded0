package io.raqib.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZippedArticleArraysTest {

    private static void zip(Path file, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i++) {
                zip.putNextEntry(new ZipEntry("part" + i + ".json"));
                zip.write(entries[i].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void visitsArticlesOfEveryEntryOfEveryZipInNameOrder(@TempDir Path dir) throws IOException {
        zip(dir.resolve("b.zip"), "[{\"title\":\"b1\"}]");
        zip(dir.resolve("a.zip"), "[{\"title\":\"a1\"},{\"title\":\"a2\"}]", "[{\"title\":\"a3\"}]");
        List<String> titles = new ArrayList<>();

        ZippedArticleArrays.read(dir, a -> titles.add(a.path("title").asText()));

        assertThat(titles).containsExactly("a1", "a2", "a3", "b1");
    }

    @Test
    void stopsWhenTheVisitorSaysSo(@TempDir Path dir) throws IOException {
        zip(dir.resolve("a.zip"), "[{\"title\":\"a1\"},{\"title\":\"a2\"}]", "[{\"title\":\"a3\"}]");
        List<String> titles = new ArrayList<>();

        ZippedArticleArrays.read(dir, a -> titles.add(a.path("title").asText()) && titles.size() < 2);

        assertThat(titles).containsExactly("a1", "a2");
    }

    @Test
    void missingFolderAndNonArrayEntriesAreClearErrors(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ZippedArticleArrays.read(dir.resolve("none"), a -> true))
                .hasMessageContaining("no corpus folder");
        assertThatThrownBy(() -> ZippedArticleArrays.read(dir, a -> true)).hasMessageContaining("no .zip files");
        zip(dir.resolve("x.zip"), "{\"title\":\"not an array\"}");
        assertThatThrownBy(() -> ZippedArticleArrays.read(dir, a -> true)).hasMessageContaining("not a JSON array");
    }
}
