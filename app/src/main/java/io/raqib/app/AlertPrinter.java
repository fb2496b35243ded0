package io.raqib.app;

import io.raqib.core.model.Alert;
import io.raqib.core.model.Highlight;
import java.io.PrintStream;

/** Prints an alert as one readable line: watch, article title, matched fragment. */
public final class AlertPrinter {

    private final PrintStream out;

    public AlertPrinter(PrintStream out) {
        this.out = out;
    }

    /** Prints one alert. */
    public synchronized void print(Alert alert) {
        out.println(format(alert));
        out.flush();
    }

    /** The one-line form of an alert. */
    public static String format(Alert alert) {
        var d = alert.data();
        String fragment = d.highlights().isEmpty() ? "" : d.highlights().stream()
                .filter(h -> "body".equals(h.field())).findFirst().orElse(d.highlights().get(0)).fragment();
        String matched = d.highlights().stream().map(Highlight::text).distinct().limit(3)
                .reduce((a, b) -> a + ", " + b).orElse("");
        return "ALERT [" + d.watchId() + "] " + d.title() + " | matched: " + matched + " | " + fragment;
    }
}
