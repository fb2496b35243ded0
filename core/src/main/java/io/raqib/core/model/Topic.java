package io.raqib.core.model;

/** A topic tag; {@code id} is an IPTC Media Topic such as {@code medtop:11000000}. */
public record Topic(String id, String label) {
}
