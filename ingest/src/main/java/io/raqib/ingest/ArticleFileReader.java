package io.raqib.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads articles from files and folders: {@code .txt} (seed format), {@code .json} (one article or an array)
 * and {@code .jsonl}. Every readable article reaches {@code onArticle} with a stable id; every bad one reaches
 * {@code onError} naming file and line, and reading goes on.
 */
public final class ArticleFileReader {

    /** File name extensions this reader understands. */
    public static final Set<String> EXTENSIONS = Set.of("txt", "json", "jsonl");

    private final ObjectMapper mapper = RaqibJson.mapper();
    private final ArticleValidator validator;

    public ArticleFileReader(ArticleValidator validator) {
        this.validator = validator;
    }

    /**
     * Lists the article files under the given paths in a stable order: files as given, folders walked in
     * name order; files with other extensions and the {@code excluded} files are skipped.
     */
    public static List<Path> list(List<Path> paths, Set<Path> excluded) throws IOException {
        List<Path> files = new ArrayList<>();
        Set<Path> skip = new java.util.HashSet<>();
        for (Path p : excluded) {
            skip.add(p.toAbsolutePath().normalize());
        }
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ArticleFileReader::supported).sorted()
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

    /** Reads one file, reporting each article or error in file order. */
    public void read(Path file, Consumer<Article> onArticle, Consumer<InputException> onError) {
        String ext = extension(file);
        try {
            switch (ext) {
                case "txt" -> accept(file, 1, parseText(file), onArticle, onError);
                case "json" -> readJson(file, onArticle, onError);
                case "jsonl" -> readJsonLines(file, onArticle, onError);
                default -> onError.accept(new InputException(file, 0,
                        "unsupported file type '." + ext + "' (expected one of " + EXTENSIONS + ")"));
            }
        } catch (CharacterCodingException e) {
            onError.accept(new InputException(file, 0, "not valid UTF-8 text", e));
        } catch (IOException e) {
            onError.accept(new InputException(file, 0, "cannot read: " + e.getMessage(), e));
        }
    }

    private Article parseText(Path file) throws IOException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        String source = folder == null || folder.getFileName() == null ? "file" : folder.getFileName().toString();
        return SeedTextParser.parse(Files.readString(file, StandardCharsets.UTF_8), source, null);
    }

    private void readJson(Path file, Consumer<Article> onArticle, Consumer<InputException> onError)
            throws IOException {
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                int line = lineOf(parser.currentTokenLocation());
                accept(file, line, mapper.readValue(parser, Article.class), onArticle, onError);
            } else if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    int line = lineOf(parser.currentTokenLocation());
                    // Read the whole element first: a field of the wrong type must not leave the parser inside
                    // the element (which ended the array there and lost the articles after it).
                    JsonNode element = mapper.readTree(parser);
                    try {
                        accept(file, line, mapper.treeToValue(element, Article.class), onArticle, onError);
                    } catch (JsonProcessingException e) {
                        onError.accept(new InputException(file, line, "not an article: " + e.getOriginalMessage(), e));
                    }
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    onError.accept(new InputException(file, lineOf(parser.currentTokenLocation()),
                            "expected an article object in the array"));
                }
            } else {
                onError.accept(new InputException(file, 1, "expected a JSON object or array of articles"));
            }
        } catch (JsonProcessingException e) {
            onError.accept(new InputException(file, lineOf(e.getLocation()), "invalid JSON: "
                    + e.getOriginalMessage(), e));
        }
    }

    private void readJsonLines(Path file, Consumer<Article> onArticle, Consumer<InputException> onError)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
                    Article article = mapper.readValue(line, Article.class);
                    if (article == null) {
                        onError.accept(new InputException(file, number, "expected an article object, got null"));
                    } else {
                        accept(file, number, article, onArticle, onError);
                    }
                } catch (JsonProcessingException e) {
                    onError.accept(new InputException(file, number, "invalid JSON: " + e.getOriginalMessage(), e));
                }
            }
        }
    }

    private void accept(Path file, int line, Article raw, Consumer<Article> onArticle,
                        Consumer<InputException> onError) {
        Article stamped = raw.ingestedAt() == null ? raw.withIngestedAt(Instant.now()) : raw;
        String problem = validator.problem(stamped);
        if (problem != null) {
            onError.accept(new InputException(file, line, problem));
        } else {
            onArticle.accept(ArticleIds.assign(stamped));
        }
    }

    private static int lineOf(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static boolean supported(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
