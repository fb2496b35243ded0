package io.raqib.ingest;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Counts the outcomes of a file ingest as they settle, from any thread, and waits for the last open one. */
final class IngestTally {

    private final List<InputException> rejected = new ArrayList<>();
    private final List<Path> watchFiles = new ArrayList<>();
    private int read;
    private int published;
    private int duplicates;
    private int unacknowledged;
    private String failure;
    private int open;

    /**
     * One article read: true when it should be offered (its verdict is then awaited), false when an earlier send
     * failed (it is counted as not acknowledged).
     */
    synchronized boolean read() {
        read++;
        if (failure != null) {
            unacknowledged++;
            return false;
        }
        open++;
        return true;
    }

    /** The verdict of an article read from {@code file} at {@code line}. */
    synchronized void settled(ArticleIntake.Verdict verdict, Path file, int line) {
        switch (verdict.outcome()) {
            case PUBLISHED -> published++;
            case DUPLICATE -> duplicates++;
            case REJECTED -> rejected.add(new InputException(file, line, verdict.reason()));
            case FAILED -> {
                unacknowledged++;
                failure = failure == null ? file + (line > 0 ? ":" + line : "") + ": " + verdict.reason() : failure;
            }
        }
        if (--open == 0) {
            notifyAll();
        }
    }

    /** A watches file met among the inputs, not read. */
    synchronized void watchFile(Path file) {
        watchFiles.add(file);
    }

    /** An input that yielded no article. */
    synchronized void unreadable(InputException e) {
        rejected.add(e);
    }

    /** Waits until every article read has its verdict, then sums up. */
    synchronized IngestSummary await() throws InterruptedIOException {
        while (open > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while " + open + " articles were being published");
            }
        }
        return new IngestSummary(read, published, duplicates, List.copyOf(rejected), unacknowledged, failure,
                List.copyOf(watchFiles));
    }
}
