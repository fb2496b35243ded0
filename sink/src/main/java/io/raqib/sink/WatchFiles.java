package io.raqib.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a watches file: a JSON array of {@link Watch}. */
public final class WatchFiles {

    private WatchFiles() {
    }

    /** Reads and checks the file: every watch needs an id and a query, ids are unique, queries parse. */
    public static List<Watch> read(Path file) throws IOException {
        List<Watch> watches;
        try {
            watches = RaqibJson.mapper().readValue(Files.readAllBytes(file), new TypeReference<List<Watch>>() { });
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IOException(file + where + ": not a JSON array of watches: " + e.getOriginalMessage(), e);
        }
        WatchQueryParser parser = new WatchQueryParser();
        Set<String> ids = new HashSet<>();
        for (Watch w : watches) {
            try {
                parser.parse(w);
            } catch (InvalidWatchException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            if (!ids.add(w.id())) {
                throw new IOException(file + ": watch id '" + w.id() + "' appears twice");
            }
        }
        return watches;
    }
}
