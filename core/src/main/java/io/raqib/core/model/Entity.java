package io.raqib.core.model;

import java.util.List;

/** A tagged entity; {@code id} is a Wikidata QID such as {@code Q7747}. */
public record Entity(String id, String name, String type, List<Mention> mentions) {
}
