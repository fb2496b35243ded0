package io.raqib.core.config;

/**
 * The size limits of records, a part of {@link RaqibConfig}.
 *
 * @param maxArticleBytes {@code raqib.max.article.bytes}: largest article text (title + body + html, UTF-8)
 * @param maxRecordBytes  {@code raqib.max.record.bytes}: largest record Raqib writes to Kafka
 */
public record RecordLimits(int maxArticleBytes, int maxRecordBytes) {
}
