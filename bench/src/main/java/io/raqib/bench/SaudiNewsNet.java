package io.raqib.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads article texts (title + newline + content) from the SaudiNewsNet zips: JSON arrays of articles. */
final class SaudiNewsNet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SaudiNewsNet() {
    }

    /** Texts from the zips in {@code dir}, in file order, until about {@code maxBytes} UTF-8 bytes are read. */
    static List<String> read(Path dir, long maxBytes) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("SaudiNewsNet corpus not found at " + dir.toAbsolutePath()
                    + " — run from the project folder next to ../shared, or pass -p corpus=DIR");
        }
        List<Path> zips;
        try (Stream<Path> files = Files.list(dir)) {
            zips = files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        long bytes = 0;
        for (Path zip : zips) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (!entry.getName().endsWith(".json")) {
                        continue;
                    }
                    for (JsonNode article : JSON.readTree(nonClosing(in))) {
                        String text = article.path("title").asText("") + "\n" + article.path("content").asText("");
                        texts.add(text);
                        bytes += text.getBytes(StandardCharsets.UTF_8).length;
                        if (bytes >= maxBytes) {
                            return texts;
                        }
                    }
                }
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no SaudiNewsNet articles in " + dir.toAbsolutePath());
        }
        return texts;
    }

    /** Jackson closes the stream it reads; the zip's next entry still needs it. */
    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
