package io.raqib.ingest;

/**
 * The store refused this one article (too large for it, not serializable): sending it again would fail again, so
 * the intake rejects the article instead of counting the send as an outage to retry.
 */
public final class ArticleRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArticleRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
