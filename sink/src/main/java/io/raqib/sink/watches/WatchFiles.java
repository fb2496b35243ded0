package io.raqib.sink.watches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.config.WatchLimits;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.model.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        JsonNode tree;
        try {
            tree = RaqibJson.mapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IOException(file + where + ": not a JSON array of watches: " + e.getOriginalMessage(), e);
        }
        if (!tree.isArray()) {
            throw new IOException(file + ": not a JSON array of watches");
        }
        WatchQueryParser parser = new WatchQueryParser(limits);
        Set<String> ids = new HashSet<>();
        List<Watch> watches = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            String entry = file + ": entry " + (i + 1) + ": ";
            if (tree.get(i).isNull()) {
                throw new IOException(entry + "null instead of a watch");
            }
            Watch w;
            try {
                w = WatchJson.read(tree.get(i));
                parser.compile(w);
            } catch (InvalidWatchException e) {
                throw new IOException(entry + e.getMessage(), e);
            }
            watches.add(w);
            if (!ids.add(w.id())) {
                throw new IOException(entry + "watch id '" + w.id() + "' appears twice");
            }
        }
        return watches;
    }
}
