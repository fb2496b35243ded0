package io.raqib.sink.watches;

import io.raqib.core.model.Watch;
import org.apache.lucene.search.Query;

/**
 * A validated watch ready for the Monitor: {@code monitorQuery} selects and highlights candidate articles; for
 * the weighted-terms form, {@code weights} scores an article (sum of the weights of the distinct terms found),
 * which must reach {@code threshold}.
 */
public record CompiledWatch(Watch watch, Query monitorQuery, Query weights, double threshold) {

    /** Whether a second, scoring pass decides this watch. */
    public boolean scored() {
        return weights != null;
    }
}
