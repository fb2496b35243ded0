package io.raqib.ingest;

import java.nio.file.Path;

/** Input that cannot be read as articles; names the file and, where known, the line. */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    public InputException(Path file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
    }

    public InputException(Path file, int line, String reason) {
        this(file, line, reason, null);
    }

    /** The file that failed. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the whole file failed. */
    public int line() {
        return line;
    }
}
