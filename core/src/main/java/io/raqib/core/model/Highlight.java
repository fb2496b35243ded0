package io.raqib.core.model;

/** A matched span: offsets into the ORIGINAL field text, the span as written, and a fragment around it. */
public record Highlight(String field, int start, int end, String text, String fragment) {
}
