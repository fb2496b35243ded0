package io.raqib.sink.api;

import io.raqib.core.model.Alert;
import java.util.List;
import java.util.Optional;

/** Where the console looks for the alerts a reconnecting client missed once its recent alerts no longer hold them. */
@FunctionalInterface
public interface AlertHistory {

    /** No history: a client whose last alert is no longer recent starts over. */
    AlertHistory NONE = (id, max) -> Optional.empty();

    /**
     * The alerts after alert {@code id}, oldest first; empty when {@code id} is not found, or when more than
     * {@code max} alerts came after it (the client is too far behind to catch up one by one).
     */
    Optional<List<Alert>> after(String id, int max);
}
