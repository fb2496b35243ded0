package io.raqib.sink.matching;

import io.raqib.sink.watches.WatchRegistry;

/** How a {@link WatchRegistry} decides which watches match an article. */
public enum MatchingMode {

    /**
     * Watches the compiler handles are matched by the term-indexed compiled matcher; the rest by a Lucene Monitor.
     * The default.
     */
    COMPILED,

    /** Every watch by a Lucene Monitor: the reference the compiled matcher is checked against. */
    MONITOR
}
