package io.raqib.ingest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a folder of {@code ../shared/corpus} from wherever the tests run; skips the test when it is absent. */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** The corpus folder {@code name}, searched upwards from the working directory; skips when not found. */
    public static Path require(String name) {
        Optional<Path> folder = find(name);
        assumeTrue(folder.isPresent(), "corpus " + name + " not found above " + Path.of("").toAbsolutePath());
        return folder.get();
    }

    /** The corpus folder {@code name}, searched upwards from the working directory, if there is one. */
    public static Optional<Path> find(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus").resolve(name);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
