/**
 * Analysts' states of alerts (acknowledged, assignee): kept on the compacted {@code raqib.alert.states} topic and
 * held in memory by each API process ({@link io.raqib.sink.states.AlertStates}).
 */
package io.raqib.sink.states;
