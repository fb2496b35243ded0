package io.raqib.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps offsets in a clean body back to the original body. The clean body is made of whole lines of the
 * original, in order, joined by {@code \n}; each clean line is located in the original after the previous one.
 */
public final class CleanBodyAlignment {

    private final List<int[]> segments = new ArrayList<>();

    /** Aligns {@code cleanBody} (whole original lines, in order) with the {@code body} it was cut from. */
    public CleanBodyAlignment(String body, String cleanBody) {
        if (cleanBody.isEmpty()) {
            segments.add(new int[] {0, 0, 0});
            return;
        }
        int from = 0;
        int cleanStart = 0;
        for (String line : cleanBody.split("\n", -1)) {
            int at = indexOfWholeLine(body, line, from);
            if (at < 0) {
                throw new IllegalArgumentException("clean body line not found in body: " + abbreviate(line));
            }
            segments.add(new int[] {cleanStart, at, line.length()});
            from = at + line.length();
            cleanStart += line.length() + 1;
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

    /** Where {@code line} occurs in {@code body} as a whole line at or after {@code from}, or -1. */
    private static int indexOfWholeLine(String body, String line, int from) {
        if (line.isEmpty()) {
            return Math.min(from, body.length());
        }
        int at = body.indexOf(line, from);
        while (at >= 0) {
            int end = at + line.length();
            boolean starts = at == 0 || body.charAt(at - 1) == '\n';
            boolean ends = end == body.length() || body.charAt(end) == '\n';
            if (starts && ends) {
                return at;
            }
            at = body.indexOf(line, at + 1);
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
