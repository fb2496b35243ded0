package io.raqib.core.model;

/** One occurrence of an entity: offsets into the ORIGINAL {@code title} or {@code body} field. */
public record Mention(String field, int start, int end, String text) {
}
