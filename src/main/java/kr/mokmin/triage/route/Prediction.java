package kr.mokmin.triage.route;

/** One candidate label (a department code, a 민원 type name) with a calibrated probability in 0..1. */
public record Prediction(String label, double confidence) {
}
