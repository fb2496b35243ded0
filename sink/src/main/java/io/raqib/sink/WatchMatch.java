package io.raqib.sink;

import io.raqib.core.model.Highlight;
import io.raqib.core.model.Watch;
import java.util.List;

/** One watch that matched an article, with the highlights that show why. */
public record WatchMatch(Watch watch, List<Highlight> highlights) {
}
