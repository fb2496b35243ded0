package io.raqib.enrich;

/** An article enrich will not process (unusable id, too large, unanalyzable); its record goes to the DLQ. */
public final class RefusedArticleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefusedArticleException(String reason) {
        super(reason);
    }
}
