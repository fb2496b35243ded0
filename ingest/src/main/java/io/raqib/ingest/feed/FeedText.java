package io.raqib.ingest.feed;

/**
 * A text construct of a feed (a title, a summary): its value, whether that value is markup, and the address
 * relative links in it are relative to. Feeds mark titles as text, escaped HTML or inline XHTML; Raqib keeps the
 * distinction so the plain text and the safe markup can both be recovered.
 */
public record FeedText(String value, boolean markup, String base) {

    /** An absent text. */
    public static final FeedText EMPTY = new FeedText("", false, null);

    public FeedText {
        value = value == null ? "" : value;
    }

    /** Plain text, not markup. */
    public static FeedText plain(String value) {
        return new FeedText(value, false, null);
    }

    /**
     * The text as a feed reader shows it: plain text as given; markup sanitized (scripts, handlers, frames
     * removed) with relative links made absolute.
     */
    public String display() {
        return markup ? HtmlText.sanitize(value, base) : value;
    }

    /** The plain text, markup removed. */
    public String plain() {
        return markup ? HtmlText.toText(value) : value.strip();
    }
}
