package io.raqib.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps offsets in a clean body back to the original body. The clean body is made of pieces of the original's
 * lines, in order, one piece per line, joined by {@code \n}: usually whole lines, or a line with a glued widget
 * cut off its start or end (a share bar before the first story sentence). Each clean line is placed on the
 * earliest original line after the previous one that holds it, preferring a line that is exactly it, as long as
 * the clean lines after it still fit: so a kept line is not pinned inside a removed line that quotes it.
 */
public final class CleanBodyAlignment {

    /** Clean start, body start and length of each clean line. */
    private final List<int[]> segments = new ArrayList<>();

    /** Aligns {@code cleanBody} (pieces of {@code body}'s lines, in order) with the {@code body} it was cut from. */
    public CleanBodyAlignment(String body, String cleanBody) {
        if (cleanBody.isEmpty()) {
            segments.add(new int[] {0, 0, 0});
            return;
        }
        int[] lineStarts = lineStarts(body);
        String[] cleanLines = cleanBody.split("\n", -1);
        int[] latest = latestLines(body, lineStarts, cleanLines);
        int next = 0;
        int cleanStart = 0;
        for (int i = 0; i < cleanLines.length; i++) {
            int[] place = place(body, lineStarts, cleanLines[i], next, latest[i]);
            segments.add(new int[] {cleanStart, place[1], cleanLines[i].length()});
            next = place[0] + 1;
            cleanStart += cleanLines[i].length() + 1;
        }
    }

    /** The body offset of clean-body offset {@code cleanOffset} (an end offset maps to the end of its line). */
    public int toBody(int cleanOffset) {
        int[] hit = segments.get(0);
        for (int[] s : segments) {
            if (s[0] > cleanOffset) {
                break;
            }
            hit = s;
        }
        return hit[1] + Math.min(cleanOffset - hit[0], hit[2]);
    }

    /**
     * For each clean line, the last body line it may sit on so that the clean lines after it still fit: placing
     * the lines from the end backwards, each on the latest line that holds it.
     */
    private static int[] latestLines(String body, int[] lineStarts, String[] cleanLines) {
        int[] latest = new int[cleanLines.length];
        int limit = lineStarts.length - 1;
        for (int i = cleanLines.length - 1; i >= 0; i--) {
            int line = limit;
            while (line >= 0 && pieceStart(body, lineStarts, line, cleanLines[i]) < 0) {
                line--;
            }
            if (line < 0) {
                throw notFound(firstMisfit(body, lineStarts, cleanLines));
            }
            latest[i] = line;
            limit = line - 1;
        }
        return latest;
    }

    /**
     * Where {@code piece} sits among body lines {@code from..to}: the first line that is exactly it, else the first
     * line that holds it. Returns the line index and the body offset.
     */
    private static int[] place(String body, int[] lineStarts, String piece, int from, int to) {
        int[] first = null;
        for (int line = from; line <= to; line++) {
            int at = pieceStart(body, lineStarts, line, piece);
            if (at < 0) {
                continue;
            }
            if (at == lineStarts[line] && lineEnd(body, lineStarts, line) == at + piece.length()) {
                return new int[] {line, at};
            }
            if (first == null) {
                first = new int[] {line, at};
            }
        }
        return first;
    }

    /** The first clean line that does not fit after the ones before it, each placed as early as it can be. */
    private static String firstMisfit(String body, int[] lineStarts, String[] cleanLines) {
        int line = 0;
        for (String piece : cleanLines) {
            while (line < lineStarts.length && pieceStart(body, lineStarts, line, piece) < 0) {
                line++;
            }
            if (line++ >= lineStarts.length) {
                return piece;
            }
        }
        return cleanLines[cleanLines.length - 1];
    }

    private static IllegalArgumentException notFound(String piece) {
        return new IllegalArgumentException("clean body line not found in body: " + abbreviate(piece));
    }

    /** Where {@code piece} starts in body line {@code line} (its end first, then its start, then anywhere), or -1. */
    private static int pieceStart(String body, int[] lineStarts, int line, String piece) {
        int start = lineStarts[line];
        int end = lineEnd(body, lineStarts, line);
        if (piece.length() > end - start) {
            return -1;
        }
        if (body.startsWith(piece, end - piece.length())) {
            return end - piece.length();
        }
        if (body.startsWith(piece, start)) {
            return start;
        }
        // Searched within the line only: a search running on to the body's end would make a long body quadratic.
        for (int at = start + 1; at < end - piece.length(); at++) {
            if (body.startsWith(piece, at)) {
                return at;
            }
        }
        return -1;
    }

    private static int lineEnd(String body, int[] lineStarts, int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : body.length();
    }

    private static int[] lineStarts(String body) {
        int count = 1;
        for (int i = 0; i < body.length(); i++) {
            count += body.charAt(i) == '\n' ? 1 : 0;
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
