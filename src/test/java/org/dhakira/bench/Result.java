package org.dhakira.bench;

/**
 * One line of the benchmark table: what was measured, our figure, the anchor's figure in the same run, and
 * whether more is better (throughput) or less is (latency, memory). The ratio is always "how many times as good
 * as the anchor": above 1 we win.
 */
record Result(String scenario, String metric, String unit, double ours, double anchor, boolean higherIsBetter, String anchorName) {

    /** A figure that has no anchor (shown without a ratio). */
    static Result alone(String scenario, String metric, String unit, double ours) {
        return new Result(scenario, metric, unit, ours, Double.NaN, true, "");
    }

    double ratio() {
        if (Double.isNaN(anchor) || anchor == 0 || ours == 0) return Double.NaN;
        return higherIsBetter ? ours / anchor : anchor / ours;
    }
}
