package io.raqib.ingest.feed;

import java.nio.charset.StandardCharsets;

/**
 * Parses RSS, RDF, Atom and JSON Feed documents safely: size-limited, DTDs and external entities refused, and
 * never throwing anything but {@link FeedException} with a reason, whatever the input.
 */
public final class FeedParser {

    private final int maxBytes;

    /** @param maxBytes the largest feed document accepted */
    public FeedParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Parses a feed document.
     *
     * @param contentType the HTTP Content-Type (its charset is honoured), or null
     * @param baseUri     where the feed came from (resolves relative links), or null
     */
    public FeedDocument parse(byte[] bytes, String contentType, String baseUri) throws FeedException {
        if (bytes.length > maxBytes) {
            throw new FeedException("feed is " + bytes.length + " bytes, over the limit of " + maxBytes);
        }
        try {
            if (looksLikeJson(bytes)) {
                return JsonFeedParser.parse(new String(bytes, StandardCharsets.UTF_8), baseUri);
            }
            return RomeFeedParser.parse(XmlPrologGuard.prepare(bytes, contentType), baseUri);
        } catch (FeedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Hostile or broken input must never take the caller down: report it as a refused feed.
            throw new FeedException("unreadable feed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    /** True when a JSON document is a JSON Feed (declares a jsonfeed.org version). */
    public static boolean isJsonFeed(com.fasterxml.jackson.databind.JsonNode root) {
        return JsonFeedParser.isJsonFeed(root);
    }

    /** Parses an already-read JSON Feed document. */
    public FeedDocument parseJson(com.fasterxml.jackson.databind.JsonNode root, String baseUri) throws FeedException {
        try {
            return JsonFeedParser.parse(root, baseUri);
        } catch (RuntimeException e) {
            throw new FeedException("unreadable JSON Feed: " + e.getMessage(), e);
        }
    }

    private static boolean looksLikeJson(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '{';
    }
}
