package io.raqib.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.raqib.core.json.RaqibJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures System.out and System.err around each test of a command, for {@code @RegisterExtension}. */
final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** What the test printed on stdout. */
    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the test printed on stderr. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Each non-blank stdout line parsed as JSON. */
    List<JsonNode> jsonLines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out().split("\n")) {
            if (!line.isBlank()) {
                try {
                    nodes.add(RaqibJson.mapper().readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("stdout line is not JSON: " + line, e);
                }
            }
        }
        return nodes;
    }
}
