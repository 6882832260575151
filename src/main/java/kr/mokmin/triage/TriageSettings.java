package kr.mokmin.triage;

/**
 * @param autoRouteThreshold a complaint goes straight to the top department when its confidence is at least
 *                           this; below, it waits in the human routing queue
 * @param departments        department suggestions kept per complaint
 * @param similar            similar recent complaints kept per complaint
 * @param summaryChars       longest one-line summary
 */
public record TriageSettings(double autoRouteThreshold, int departments, int similar, int summaryChars) {

    public static final TriageSettings DEFAULTS = new TriageSettings(0.5, 3, 5, 80);

    public TriageSettings {
        if (autoRouteThreshold < 0 || autoRouteThreshold > 1.0001) {
            throw new IllegalArgumentException("auto-route-threshold must be within 0..1");
        }
        if (departments < 1 || similar < 0 || summaryChars < 20) {
            throw new IllegalArgumentException("bad triage settings " + this);
        }
    }
}
