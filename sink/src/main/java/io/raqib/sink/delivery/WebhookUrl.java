package io.raqib.sink.delivery;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A webhook URL in the one form Raqib checks, stores and posts to. {@link #parse} is strict: what a server or
 * proxy could read as another path than the allow-list saw is refused, not repaired.
 *
 * @param scheme {@code http} or {@code https}
 * @param host   lower-case ASCII host name (IDN as punycode) or IP literal
 * @param port   the port, the scheme's default included
 * @param path   absolute path, without dot segments, encoded slashes or dots, path parameters or empty segments
 * @param query  the query without {@code ?}, or null
 */
public record WebhookUrl(String scheme, String host, int port, String path, String query) {

    private static final String UNRESERVED_MARKS = "-._~";
    private static final String PATH_MARKS = UNRESERVED_MARKS + "!$&'()*+,;=:@/";
    private static final String QUERY_MARKS = PATH_MARKS + "?";
    /** Encoded, these could make a server see another path than the allow-list saw (or one decoded twice). */
    private static final String PATH_NEVER_ENCODED = "/\\.%";

    /**
     * Parses and normalizes {@code text}: scheme and host lower-cased, IDN host to ASCII, default port dropped,
     * percent-escapes of unreserved characters decoded and the others upper-cased, non-ASCII characters
     * percent-encoded as UTF-8. Throws {@link IllegalArgumentException} saying what is wrong.
     */
    public static WebhookUrl parse(String text) {
        if (text == null || text.isEmpty()) {
            throw refused("is empty");
        }
        checkCharacters(text);
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || !text.startsWith("//", colon + 1)) {
            throw refused("must be an absolute http(s) URL");
        }
        String rest = text.substring(colon + 3);
        int authorityEnd = indexOfAny(rest, "/?");
        String authority = rest.substring(0, authorityEnd);
        if (authority.contains("@")) {
            throw refused("must not carry credentials (user@host)");
        }
        int portColon = authority.lastIndexOf(':');
        boolean hasPort = portColon >= 0 && portColon > authority.lastIndexOf(']');
        String host = host(hasPort ? authority.substring(0, portColon) : authority);
        int port = hasPort ? port(authority.substring(portColon + 1)) : defaultPort(scheme);
        String pathAndQuery = rest.substring(authorityEnd);
        int question = pathAndQuery.indexOf('?');
        String path = path(question < 0 ? pathAndQuery : pathAndQuery.substring(0, question));
        String query = question < 0 || question == pathAndQuery.length() - 1 ? null
                : escapes(pathAndQuery.substring(question + 1), QUERY_MARKS, "", "query");
        return crossChecked(new WebhookUrl(scheme, host, port, path, query));
    }

    /** Scheme, host and port, as {@code https://hooks.example.org}: the unit of per-target isolation. */
    public String target() {
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    /**
     * Whether this URL is {@code prefix} or below it: same target, and the prefix's path segments begin this
     * path ({@code /hooks} is not under {@code /hooks/}, {@code /hooksevil} is not under {@code /hooks}).
     */
    public boolean isUnder(WebhookUrl prefix) {
        return target().equals(prefix.target()) && (path.equals(prefix.path)
                || path.startsWith(prefix.path.endsWith("/") ? prefix.path : prefix.path + "/"));
    }

    /** The URL to post to. */
    public URI toUri() {
        return URI.create(toString());
    }

    @Override
    public String toString() {
        return target() + path + (query == null ? "" : "?" + query);
    }

    private static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || type == Character.FORMAT || type == Character.SURROGATE) {
                throw refused(String.format("has a space, control or invisible character (U+%04X) at index %d",
                        c, i));
            }
            i += Character.charCount(c);
        }
        if (text.indexOf('\\') >= 0) {
            throw refused("has a backslash");
        }
        if (text.indexOf('#') >= 0) {
            throw refused("has a fragment (#...)");
        }
    }

    private static String host(String text) {
        if (text.startsWith("[")) {
            if (!text.endsWith("]") || text.length() < 3 || !text.substring(1, text.length() - 1).chars()
                    .allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                throw refused("has an invalid IPv6 address");
            }
            return text.toLowerCase(Locale.ROOT);
        }
        if (text.isEmpty()) {
            throw refused("has no host");
        }
        try {
            return IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw refused("has an invalid host name (" + e.getMessage() + ")");
        }
    }

    private static int port(String text) {
        if (!text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int port = Integer.parseInt(text);
            if (port > 0 && port <= 65_535) {
                return port;
            }
        }
        throw refused("has an invalid port (must be 1-65535)");
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** An absolute path with nothing a server could resolve to another place: see the class comment. */
    private static String path(String text) {
        if (text.isEmpty()) {
            return "/";
        }
        if (text.indexOf(';') >= 0) {
            throw refused("has a path parameter (;)");
        }
        String path = escapes(text, PATH_MARKS, PATH_NEVER_ENCODED, "path");
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals(".") || segments[i].equals("..")) {
                throw refused("has a '.' or '..' path segment");
            }
            if (segments[i].isEmpty() && i < segments.length - 1) {
                throw refused("has an empty path segment (//)");
            }
        }
        return path;
    }

    /**
     * Checks and normalizes the characters and percent-escapes of a path or query: {@code marks} are the ASCII
     * characters besides letters and digits that may appear unescaped, {@code neverEncoded} those refused
     * when percent-encoded.
     */
    private static String escapes(String text, String marks, String neverEncoded, String part) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (lo < 0) {
                    throw refused("has a '%' that does not start an escape (%XX) in the " + part);
                }
                appendEscape(out, (char) (hi * 16 + lo), neverEncoded, part);
                i += 2;
            } else if (c > 0x7f) {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xff));
                }
                i = end - 1;
            } else if (isAlphanumeric(c) || marks.indexOf(c) >= 0) {
                out.append(c);
            } else {
                throw refused("has '" + c + "' in the " + part + " (write it percent-encoded)");
            }
        }
        return out.toString();
    }

    private static void appendEscape(StringBuilder out, char decoded, String neverEncoded, String part) {
        if (decoded < 0x20 || decoded == 0x7f) {
            throw refused("has an encoded control character in the " + part);
        }
        if (neverEncoded.indexOf(decoded) >= 0) {
            throw refused("has an encoded '" + decoded + "' in the " + part);
        }
        if (isAlphanumeric(decoded) || UNRESERVED_MARKS.indexOf(decoded) >= 0) {
            out.append(decoded);
        } else {
            out.append(String.format("%%%02X", (int) decoded));
        }
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** The HTTP client reads the stored text with {@link URI}: it must see the same host, port and path. */
    private static WebhookUrl crossChecked(WebhookUrl url) {
        try {
            URI uri = new URI(url.toString());
            if (url.host.equals(uri.getHost()) && url.path.equals(uri.getRawPath())
                    && (uri.getPort() < 0 ? defaultPort(url.scheme) : uri.getPort()) == url.port) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw refused("is not a URL the HTTP client reads the same way");
    }

    private static IllegalArgumentException refused(String reason) {
        return new IllegalArgumentException(reason);
    }
}
