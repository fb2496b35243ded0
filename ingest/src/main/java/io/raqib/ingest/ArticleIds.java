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

    /**
     * Canonical form of an http(s) URL: lowercase scheme and host, no default port, no fragment, no
     * {@code utm_*} tracking parameters. Empty for a missing or non-http URL.
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
                    .filter(p -> !p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("utm_"))
                    .collect(Collectors.joining("&"));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + port) + path
                    + (query == null || query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
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
