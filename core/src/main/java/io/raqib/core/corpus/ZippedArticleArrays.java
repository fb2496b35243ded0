package io.raqib.core.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams a corpus folder of {@code .zip} files (name order) whose {@code .json} entries are JSON arrays of article
 * objects — the SaudiNewsNet layout ({@code source, url, date_extracted, title, author, content}). The benchmarks
 * read it this way so memory stays flat and a run can stop after the articles it needs.
 */
public final class ZippedArticleArrays {

    /** Receives each article object; returns false to stop reading. */
    @FunctionalInterface
    public interface Visitor {
        /** Handles one article; false stops the walk. */
        boolean visit(JsonNode article);
    }

    private ZippedArticleArrays() {
    }

    /** Visits every article object of every {@code .json} entry of every zip in {@code folder}, until told to stop. */
    public static void read(Path folder, Visitor visitor) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder.toAbsolutePath() + ": no corpus folder here (expected .zip files of JSON "
                    + "article arrays, e.g. ../shared/corpus/saudinewsnet)");
        }
        List<Path> zips;
        try (Stream<Path> files = Files.list(folder)) {
            zips = files.filter(p -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        if (zips.isEmpty()) {
            throw new IOException(folder.toAbsolutePath() + ": no .zip files");
        }
        for (Path zip : zips) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (e.getName().endsWith(".json") && !readArray(in, zip + "!" + e.getName(), visitor)) {
                        return;
                    }
                }
            }
        }
    }

    private static boolean readArray(InputStream in, String where, Visitor visitor) throws IOException {
        JsonParser parser = RaqibJson.mapper().getFactory().createParser(new NonClosing(in));
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException(where + ": not a JSON array");
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            if (!visitor.visit(RaqibJson.mapper().readTree(parser))) {
                return false;
            }
        }
        return true;
    }

    /** The JSON parser closes what it reads; the zip's next entry still needs the stream. */
    private static final class NonClosing extends FilterInputStream {

        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream is closed by its owner
        }
    }
}
