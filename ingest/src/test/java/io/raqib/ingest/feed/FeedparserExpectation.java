package io.raqib.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A title expectation from a feedparser test file header ({@code Expect: not bozo and feed['title'] == '…'}):
 * which title (the feed's or the first entry's) and the accepted values, decoded from Python string literals.
 */
record FeedparserExpectation(boolean entry, List<String> accepted) {

    private static final Pattern SUBJECT = Pattern.compile(
            "(feed\\['title'\\]|entries\\[0\\]\\['title'\\]|feed\\.title)\\s*==\\s*(?:entries\\[\\d\\]\\['title'\\]\\s*==\\s*)?");

    /** The expectation in a file's header, if it states a title. */
    static Optional<FeedparserExpectation> of(String header) {
        int at = header.indexOf("Expect:");
        int quoted = header.indexOf("\"__TEST__\"");
        if (at < 0) {
            return Optional.empty();
        }
        String expect = header.substring(at, header.indexOf('\n', at) < 0 ? header.length() : header.indexOf('\n', at));
        if (quoted >= 0) {
            expect = expect.replace("\\\"", "\"");
        }
        Matcher m = SUBJECT.matcher(expect);
        List<String> accepted = new ArrayList<>();
        Boolean entry = null;
        int from = 0;
        while (m.find(from)) {
            boolean isEntry = m.group(1).startsWith("entries");
            if (entry != null && entry != isEntry) {
                break;
            }
            entry = isEntry;
            StringBuilder value = new StringBuilder();
            int end = literals(expect, m.end(), value);
            if (end < 0) {
                return Optional.empty();
            }
            accepted.add(value.toString());
            from = end;
        }
        return entry == null ? Optional.empty() : Optional.of(new FeedparserExpectation(entry, accepted));
    }

    /** Reads {@code 'a' + "b"} into {@code out}; returns the index after the last literal, or -1. */
    private static int literals(String s, int i, StringBuilder out) {
        int pos = i;
        while (true) {
            if (pos >= s.length() || s.charAt(pos) != '\'' && s.charAt(pos) != '"') {
                return -1;
            }
            char quote = s.charAt(pos++);
            while (pos < s.length() && s.charAt(pos) != quote) {
                char c = s.charAt(pos++);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'x' -> { out.append((char) Integer.parseInt(s.substring(pos, pos + 2), 16)); pos += 2; }
                    case 'u' -> { out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16)); pos += 4; }
                    default -> out.append(e);
                }
            }
            pos++;
            int next = pos;
            while (next < s.length() && s.charAt(next) == ' ') {
                next++;
            }
            if (next < s.length() && s.charAt(next) == '+') {
                pos = next + 1;
                while (pos < s.length() && s.charAt(pos) == ' ') {
                    pos++;
                }
            } else {
                return pos;
            }
        }
    }
}
