package io.raqib.sink.history;

import java.util.List;

/**
 * One page of a history search, newest first.
 *
 * @param total  how many alerts match in all
 * @param page   the page number (from 0)
 * @param size   alerts per page asked for
 * @param alerts this page's alerts
 */
public record HistoryPage(long total, int page, int size, List<StoredAlert> alerts) {
}
