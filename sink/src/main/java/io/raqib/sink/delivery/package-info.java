/**
 * Where alerts go besides {@code raqib.alerts}: the per-desk alert topics, and webhook delivery (allow-list, one
 * lane and circuit breaker per target, dead letters, at-least-once offset commits).
 */
package io.raqib.sink.delivery;
