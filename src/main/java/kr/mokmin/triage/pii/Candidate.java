package kr.mokmin.triage.pii;

/**
 * A detector's finding before overlaps are resolved.
 *
 * @param maskFrom where masking may start: an address keeps its road name, so its digits are masked from the
 *                 building number on; every other type masks from {@code start}
 */
record Candidate(PiiType type, int start, int end, double confidence, int maskFrom) {

    Candidate(PiiType type, int start, int end, double confidence) {
        this(type, start, end, confidence, start);
    }

    PiiSpan span() {
        return new PiiSpan(type, start, end, confidence);
    }

    int length() {
        return end - start;
    }

    boolean overlaps(Candidate other) {
        return start < other.end && other.start < end;
    }
}
