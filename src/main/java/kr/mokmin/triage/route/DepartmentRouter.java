package kr.mokmin.triage.route;

import java.util.List;

/**
 * Routes a (masked) complaint to departments of the city's taxonomy. Learns online from officers' corrections
 * and from bulk training; with no training data it routes by similarity to the taxonomy's descriptions.
 * Thread-safe: {@link #route} runs on request threads while learning happens.
 */
public interface DepartmentRouter {

    /** Top {@code k} department codes, best first, confidences calibrated (summing to at most 1). */
    List<Prediction> route(String maskedTitle, String maskedBody, int k);

    /** An officer's correction (or a confirmed routing): learn from it without a restart. */
    void learn(String maskedTitle, String maskedBody, String departmentCode);

    /** The version of the model that {@link #route} uses now, stored with every triage result. */
    String modelVersion();
}
