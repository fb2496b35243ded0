package io.raqib.ingest;

import io.raqib.core.model.Article;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stable article ids (contract: DESIGN.md): the first 16 hex digits of SHA-256 over the canonical URL, else over
 * title + body. The same article ingested twice, from any source, gets the same id.
 */
public final class ArticleIds {

    private ArticleIds() {
    }

    /** Returns the article with its id set, keeping an id the source already gave. */
    public static Article assign(Article article) {
        if (article.id() != null && !article.id().isBlank()) {
            return article;
        }
        String basis = canonicalUrl(article.url())
                .orElseGet(() -> nullToEmpty(article.title()).strip() + "\n" + nullToEmpty(article.body()).strip());
        return article.withId(sha256Prefix(basis));
    }

    /** Query parameters that only track where a reader came from; they never change the article. */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid",
            "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "__twitter_impression", "ref_src");

    /**
     * Canonical form of an http(s) URL: lowercase scheme and host, no default port, no fragment, no
     * {@code utm_*} or click-tracking parameters ({@code fbclid}, {@code gclid}…). Empty for a missing or
     * non-http URL.
     */
    public static Optional<String> canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && "http".equals(scheme)
                    || port == 443 && "https".equals(scheme);
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !isTracking(p))
                    .collect(Collectors.joining("&"));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + port) + path
                    + (query == null || query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isTracking(String parameter) {
        String name = parameter.toLowerCase(Locale.ROOT);
        int eq = name.indexOf('=');
        name = eq < 0 ? name : name.substring(0, eq);
        return name.startsWith("utm_") || TRACKING.contains(name);
    }

    /**
     * A hash of the article's normalized text (title + body, whitespace collapsed, case folded): the same story
     * reached under two addresses has the same content hash.
     */
    public static String contentHash(Article article) {
        String title = nullToEmpty(article.title());
        String body = nullToEmpty(article.body());
        StringBuilder normalized = new StringBuilder(title.length() + body.length() + 1);
        boolean space = true;
        for (String part : new String[] {title, "\n", body}) {
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (Character.isWhitespace(c)) {
                    space = true;
                    continue;
                }
                if (space && normalized.length() > 0) {
                    normalized.append(' ');
                }
                space = false;
                normalized.append(Character.toLowerCase(c));
            }
        }
        return sha256Prefix(normalized.toString());
    }

    static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
