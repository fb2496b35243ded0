package io.raqib.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the tab-separated data files enrich ships (gazetteer, topic rules): blank lines and {@code #} comments
 * skipped, the first non-comment line is the header. Bundled files are listed in an {@code index.txt} next
 * to them, because a classpath folder cannot be listed inside a jar.
 */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * One data row.
     *
     * @param source file name and line number, for error messages
     * @param cells  the tab-separated cells, trimmed
     */
    public record Row(String source, String[] cells) {

        /** The cell at {@code index}, or empty when the row is shorter. */
        public String cell(int index) {
            return index < cells.length ? cells[index] : "";
        }

        /** An error naming this row. */
        public IllegalArgumentException error(String reason) {
            return new IllegalArgumentException(source + ": " + reason);
        }
    }

    /** The rows of every bundled file listed in {@code <folder>/index.txt}. */
    public static List<Row> bundled(String folder) {
        List<Row> rows = new ArrayList<>();
        for (Row file : read(folder + "/index.txt", open(folder + "/index.txt"), false)) {
            String name = folder + "/" + file.cell(0);
            rows.addAll(read(name, open(name), true));
        }
        return rows;
    }

    /** The rows of every {@code *.tsv} file in {@code dir} (sorted by name); none when dir is absent. */
    public static List<Row> fromDirectory(Path dir) {
        List<Row> rows = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return rows;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                rows.addAll(read(file.toString(), Files.newInputStream(file), true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data files in " + dir, e);
        }
        return rows;
    }

    private static InputStream open(String resource) {
        InputStream in = DataFiles.class.getResourceAsStream("/" + resource);
        if (in == null) {
            throw new IllegalStateException("resource " + resource + " missing from the classpath");
        }
        return in;
    }

    private static List<Row> read(String name, InputStream in, boolean skipHeader) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = skipHeader;
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                rows.add(new Row(name + ":" + number, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return rows;
    }
}
