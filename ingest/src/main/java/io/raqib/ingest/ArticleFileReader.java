package io.raqib.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import io.raqib.ingest.feed.FeedException;
import io.raqib.ingest.feed.FeedParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads articles from files and folders: {@code .txt} (seed format), {@code .json} (an article, an array of
 * articles, ninjs, a SaudiNewsNet array or a JSON Feed), {@code .jsonl}, RSS/Atom/RDF feed files, CSV with a
 * header, and {@code .zip} archives of those. Every article reaches the sink with its file and line; every bad
 * input reaches {@code onError} naming file and line, and reading goes on.
 */
public final class ArticleFileReader {

    /** Receives each article read, with where it was read. */
    @FunctionalInterface
    public interface Sink {
        void accept(Path file, int line, Article article);
    }

    /** File name extensions this reader understands. */
    public static final Set<String> EXTENSIONS = Set.of("txt", "json", "jsonl", "xml", "rss", "atom", "rdf", "csv",
            "zip");
    private static final Set<String> FEEDS = Set.of("xml", "rss", "atom", "rdf");

    /**
     * Largest {@code .json} file (or zip entry) read: it is parsed whole. SaudiNewsNet's days are 2–10 MB; larger
     * collections belong in {@code .jsonl} or CSV, which are streamed whatever their size.
     */
    static final int MAX_JSON_BYTES = 256 << 20;
    private final ObjectMapper mapper = RaqibJson.mapper();
    private final FeedParser feeds;
    private final int maxFeedBytes;
    private final CsvColumns columns;
    private final String sourceOverride;
    private final ArticleValidator validator;

    /**
     * @param maxFeedBytes   largest feed or {@code .txt} file accepted
     * @param columns        CSV column mapping
     * @param sourceOverride source given to every article read, or null to use the file's own or folder name
     */
    public ArticleFileReader(int maxFeedBytes, CsvColumns columns, String sourceOverride) {
        this(maxFeedBytes, columns, sourceOverride, new ArticleValidator(Integer.MAX_VALUE));
    }

    /** A reader with default settings: 16 MiB feeds, columns named like fields, sources from the files. */
    public ArticleFileReader() {
        this(16 << 20, new CsvColumns(Map.of()), null);
    }

    /** A reader with default settings whose {@link #read(Path, Consumer, Consumer)} validates with this. */
    public ArticleFileReader(ArticleValidator validator) {
        this(16 << 20, new CsvColumns(Map.of()), null, validator);
    }

    private ArticleFileReader(int maxFeedBytes, CsvColumns columns, String sourceOverride,
                              ArticleValidator validator) {
        this.feeds = new FeedParser(maxFeedBytes);
        this.maxFeedBytes = maxFeedBytes;
        this.columns = columns;
        this.sourceOverride = sourceOverride;
        this.validator = validator;
    }

    /**
     * Lists the article files under the given paths in a stable order: files as given, folders walked in
     * name order; files with other extensions and the {@code excluded} files are skipped.
     */
    public static List<Path> list(List<Path> paths, Set<Path> excluded) throws IOException {
        List<Path> files = new ArrayList<>();
        Set<Path> skip = new HashSet<>();
        for (Path p : excluded) {
            skip.add(p.toAbsolutePath().normalize());
        }
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(f -> EXTENSIONS.contains(extension(f))).sorted()
                            .filter(f -> !skip.contains(f.toAbsolutePath().normalize())).forEach(files::add);
                }
            } else if (!Files.exists(path)) {
                throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or folder");
            } else if (!skip.contains(path.toAbsolutePath().normalize())) {
                files.add(path);
            }
        }
        return files;
    }

    /**
     * Reads one file, reporting each valid article (id assigned) or error in file order; no duplicate check.
     */
    public void read(Path file, Consumer<Article> onArticle, Consumer<InputException> onError) {
        readEach(file, (f, line, raw) -> {
            String problem = validator.problem(raw);
            if (problem != null) {
                onError.accept(new InputException(f, line, problem));
            } else {
                onArticle.accept(ArticleIds.assign(raw.ingestedAt() == null ? raw.withIngestedAt(Instant.now()) : raw));
            }
        }, onError);
    }

    /** Reads one file, reporting each article as read (not validated, no id yet) or error in file order. */
    public void readEach(Path file, Sink onArticle, Consumer<InputException> onError) {
        try {
            if ("zip".equals(extension(file))) {
                readZip(file, onArticle, onError);
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    readEntry(file, extension(file), in, onArticle, onError);
                }
            }
        } catch (IOException e) {
            onError.accept(new InputException(file, 0, "cannot read: " + e.getMessage(), e));
        }
    }

    private void readZip(Path zip, Sink onArticle, Consumer<InputException> onError)
            throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                Path label = zip.resolve(entry.getName());
                String ext = extension(label);
                if (!entry.isDirectory() && EXTENSIONS.contains(ext) && !"zip".equals(ext)
                        && !entry.getName().startsWith("__MACOSX/")) {
                    readEntry(label, ext, in, onArticle, onError);
                }
            }
        }
    }

    private void readEntry(Path file, String ext, InputStream in, Sink onArticle,
                           Consumer<InputException> onError) throws IOException {
        try {
            switch (ext) {
                case "txt" -> {
                    byte[] text = whole(file, in, maxFeedBytes, onError);
                    if (text != null) {
                        onArticle.accept(file, 1, SeedTextParser.parse(utf8(text), source(folderName(file)), null));
                    }
                }
                case "json" -> {
                    byte[] json = whole(file, in, MAX_JSON_BYTES, onError);
                    if (json != null) {
                        readJson(file, json, onArticle, onError);
                    }
                }
                case "jsonl" -> readJsonLines(file, in, onArticle, onError);
                case "csv" -> readCsv(file, in, onArticle, onError);
                default -> {
                    if (!FEEDS.contains(ext)) {
                        onError.accept(new InputException(file, 0, "unsupported file type '." + ext
                                + "' (expected one of " + EXTENSIONS.stream().sorted().toList() + ")"));
                        return;
                    }
                    byte[] feed = whole(file, in, maxFeedBytes, onError);
                    if (feed != null) {
                        readFeed(file, feed, onArticle, onError);
                    }
                }
            }
        } catch (CharacterCodingException e) {
            onError.accept(new InputException(file, 0, "not valid UTF-8 text", e));
        }
    }

    /**
     * The whole file, or null after reporting it when it is over {@code limit} bytes: a huge file is refused by
     * name instead of exhausting the heap and stopping the files after it.
     */
    private static byte[] whole(Path file, InputStream in, int limit, Consumer<InputException> onError)
            throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            onError.accept(new InputException(file, 0, "file is over the limit of " + limit + " bytes for its type"));
            return null;
        }
        return bytes;
    }

    private void readFeed(Path file, byte[] bytes, Sink onArticle, Consumer<InputException> onError) {
        try {
            FeedArticles.of(feeds.parse(bytes, null, null), source(stem(file)), null)
                    .forEach(a -> onArticle.accept(file, 0, a));
        } catch (FeedException e) {
            onError.accept(new InputException(file, 0, "feed refused: " + e.getMessage(), e));
        }
    }

    private void readJson(Path file, byte[] bytes, Sink onArticle, Consumer<InputException> onError)
            throws IOException {
        try (JsonParser parser = mapper.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                int line = lineOf(parser.currentTokenLocation());
                JsonNode root = mapper.readTree(parser);
                if (FeedParser.isJsonFeed(root)) {
                    FeedArticles.of(feeds.parseJson(root, null), source(stem(file)), null)
                            .forEach(a -> onArticle.accept(file, 0, a));
                } else {
                    element(file, line, root, onArticle, e -> onError.accept(locate(file, bytes, e)));
                }
            } else if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    int line = lineOf(parser.currentTokenLocation());
                    // Read the whole element first: a field of the wrong type must not leave the parser inside
                    // the element (which ended the array there and lost the articles after it).
                    element(file, line, mapper.readTree(parser), onArticle, onError);
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    onError.accept(new InputException(file, lineOf(parser.currentTokenLocation()),
                            "expected an article object in the array"));
                }
            } else {
                onError.accept(new InputException(file, 1, "expected a JSON object or array of articles"));
            }
        } catch (FeedException e) {
            onError.accept(new InputException(file, 0, "feed refused: " + e.getMessage(), e));
        } catch (JsonProcessingException e) {
            onError.accept(new InputException(file, lineOf(e.getLocation()), "invalid JSON: "
                    + e.getOriginalMessage(), e));
        }
    }

    private void element(Path file, int line, JsonNode node, Sink onArticle,
                         Consumer<InputException> onError) {
        try {
            Article article = ArticleJson.read(node);
            onArticle.accept(file, line, sourceOverride == null ? article : withSource(article));
        } catch (JsonProcessingException e) {
            onError.accept(new InputException(file, line, "not an article: " + e.getOriginalMessage(), e));
        }
    }

    /** A single-object file: re-reads it as an Article to find the line of the bad field. */
    private InputException locate(Path file, byte[] bytes, InputException error) {
        try {
            mapper.readValue(bytes, Article.class);
            return error;
        } catch (IOException e) {
            int line = e instanceof JsonProcessingException j ? lineOf(j.getLocation()) : 0;
            return line > 0 ? new InputException(file, line, error.getMessage().substring(
                    error.getMessage().indexOf(": ") + 2), error.getCause()) : error;
        }
    }

    private void readJsonLines(Path file, InputStream in, Sink onArticle,
                               Consumer<InputException> onError) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = mapper.readTree(line);
                if (node == null || node.isNull()) {
                    onError.accept(new InputException(file, number, "expected an article object, got null"));
                } else {
                    element(file, number, node, onArticle, onError);
                }
            } catch (JsonProcessingException e) {
                onError.accept(new InputException(file, number, "invalid JSON: " + e.getOriginalMessage(), e));
            }
        }
    }

    private void readCsv(Path file, InputStream in, Sink onArticle, Consumer<InputException> onError)
            throws IOException {
        CsvMapper csv = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            while (true) {
                int line = 0;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    line = lineOf(rows.getCurrentLocation());
                    Map<String, String> row = rows.nextValue();
                    onArticle.accept(file, line, columns.article(row, source(stem(file))));
                } catch (IllegalArgumentException e) {
                    onError.accept(new InputException(file, line, e.getMessage(), e));
                } catch (JsonProcessingException e) {
                    onError.accept(new InputException(file, lineOf(e.getLocation()), "invalid CSV: "
                            + e.getOriginalMessage(), e));
                    return;
                }
            }
        }
    }

    private Article withSource(Article a) {
        return new Article(a.id(), a.url(), sourceOverride, a.title(), a.body(), a.html(), a.language(), a.published(),
                a.ingestedAt(), a.author(), a.categories());
    }

    private String source(String fallback) {
        return sourceOverride != null ? sourceOverride : fallback;
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    private static String folderName(Path file) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        return folder == null || folder.getFileName() == null ? "file" : folder.getFileName().toString();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
