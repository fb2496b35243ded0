package io.raqib.sink.watches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.raqib.core.config.WatchLimits;
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

    /**
     * Reads and checks the file: every watch valid under {@code limits} (the checks the sink applies), ids unique.
     * An error names the file and the 1-based entry of the watch at fault.
     */
    public static List<Watch> read(Path file, WatchLimits limits) throws IOException {
        List<Watch> watches;
        try {
            watches = RaqibJson.mapper().readValue(Files.readAllBytes(file), new TypeReference<List<Watch>>() { });
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IOException(file + where + ": not a JSON array of watches: " + e.getOriginalMessage(), e);
        }
        if (watches == null) {
            throw new IOException(file + ": not a JSON array of watches: null");
        }
        WatchQueryParser parser = new WatchQueryParser(limits);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < watches.size(); i++) {
            Watch w = watches.get(i);
            String entry = file + ": entry " + (i + 1) + ": ";
            if (w == null) {
                throw new IOException(entry + "null instead of a watch");
            }
            try {
                parser.compile(w);
            } catch (InvalidWatchException e) {
                throw new IOException(entry + e.getMessage(), e);
            }
            if (!ids.add(w.id())) {
                throw new IOException(entry + "watch id '" + w.id() + "' appears twice");
            }
        }
        return watches;
    }
}
