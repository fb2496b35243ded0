package io.raqib.enrich.topic;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The shared BBC News corpus ({@code text,category} CSV files) and its categories as IPTC top-level topics. */
final class BbcCorpus {

    static final Path DIR = Path.of("../../shared/corpus/bbc-news");

    static final Map<String, String> CATEGORY_TO_TOPIC = Map.of(
            "business", "medtop:04000000",
            "entertainment", "medtop:01000000",
            "politics", "medtop:11000000",
            "sport", "medtop:15000000",
            "tech", "medtop:13000000");

    record Labelled(String text, String category) {
    }

    private BbcCorpus() {
    }

    static boolean present() {
        return Files.isRegularFile(DIR.resolve("test.csv"));
    }

    static List<Labelled> read(String split) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class).with(schema)
                .readValues(DIR.resolve(split + ".csv").toFile())) {
            return rows.readAll().stream().map(r -> new Labelled(r.get("text"), r.get("category"))).toList();
        }
    }
}
