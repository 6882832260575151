package kr.mokmin.triage.pii;

import java.util.List;

/** E-mail addresses, found from each {@code @} outwards (no regular expression over the whole text). */
final class EmailDetector implements PiiDetector {

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        String t = text.text;
        for (int at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && localChar(t.charAt(start - 1))) {
                start--;
            }
            while (start < at && t.charAt(start) == '.') {
                start++;
            }
            int end = at + 1;
            int lastDot = -1;
            while (end < t.length() && domainChar(t.charAt(end))) {
                if (t.charAt(end) == '.') {
                    lastDot = end;
                }
                end++;
            }
            while (end > at + 1 && (t.charAt(end - 1) == '.' || t.charAt(end - 1) == '-')) {
                end--;
            }
            if (lastDot >= end - 1) {
                lastDot = t.lastIndexOf('.', end - 1);
            }
            if (start == at || lastDot <= at + 1 || end - lastDot - 1 < 2 || !lettersOnly(t, lastDot + 1, end)) {
                continue;
            }
            out.add(new Candidate(PiiType.EMAIL, start, end, 0.99));
        }
    }

    private static boolean localChar(char c) {
        return PiiText.isAsciiLetter(c) || PiiText.isDigit(c) || c == '.' || c == '_' || c == '%' || c == '+'
                || c == '-';
    }

    private static boolean domainChar(char c) {
        return PiiText.isAsciiLetter(c) || PiiText.isDigit(c) || c == '.' || c == '-';
    }

    private static boolean lettersOnly(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!PiiText.isAsciiLetter(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
