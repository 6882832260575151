package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * 사업자등록번호 {@code NNN-NN-NNNNN} with its check digit. A sole trader's number identifies a person, so it is
 * masked like the others. Without the check digit, or without separators, only next to 사업자.
 */
final class BusinessNumberDetector implements PiiDetector {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9_])(?<![0-9][-.])\\d{3}([- ]?)\\d{2}\\1\\d{5}(?![-.]?[0-9])");
    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(NUMBER, 0, 0, 10, m -> {
            boolean checks = checkDigitMatches(text.digits(m.start(), m.end()));
            boolean context = text.contextBefore(m.start(), 20, "사업자", "등록번호");
            boolean separated = !m.group(1).isEmpty();
            double confidence;
            if (checks && separated) {
                confidence = context ? 0.97 : 0.85;
            } else if (context) {
                confidence = checks ? 0.9 : 0.6;
            } else {
                return;
            }
            out.add(new Candidate(PiiType.BUSINESS_REGISTRATION_NUMBER, m.start(), m.end(), confidence));
        });
    }

    static boolean checkDigitMatches(String d) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * WEIGHTS[i];
        }
        sum += (d.charAt(8) - '0') * 5 / 10;
        return (10 - sum % 10) % 10 == d.charAt(9) - '0';
    }
}
