package kr.mokmin.triage.pii;

/**
 * One piece of personal information in a text: {@code [start, end)} in UTF-16 chars of the text it was found in.
 *
 * @param confidence 0..1; e.g. a 주민등록번호 whose check digit fails stays a match with lower confidence
 *                   (numbers issued since October 2020 have a random last digit)
 */
public record PiiSpan(PiiType type, int start, int end, double confidence) {
    public PiiSpan {
        if (type == null || start < 0 || end <= start || confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("bad PII span " + type + " [" + start + ", " + end + ") " + confidence);
        }
    }
}
