package io.raqib.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A topic tag; {@code id} is an IPTC Media Topic such as {@code medtop:11000000}. {@code score} (optional) is
 * the rule score that earned the tag: the higher, the more central the topic is to the article.
 */
public record Topic(String id, String label, @JsonInclude(JsonInclude.Include.NON_NULL) Double score) {

    /** A topic without a score. */
    public Topic(String id, String label) {
        this(id, label, null);
    }
}
