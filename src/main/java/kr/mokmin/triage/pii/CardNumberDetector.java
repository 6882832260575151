package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Pattern;

/** Payment card numbers: 16 digits in fours or 15 (4-6-5), the same separator throughout, Luhn check. */
final class CardNumberDetector implements PiiDetector {

    private static final Pattern CARD = Pattern.compile(
            "(?<![0-9_])(?<![0-9][-.])(?:[3-69]\\d{3}([ -]?)\\d{4}\\1\\d{4}\\1\\d{4}|3[47]\\d{2}([ -]?)\\d{6}\\2\\d{5})"
                    + "(?![-.]?[0-9])");

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(CARD, 0, 0, 15, m -> {
            if (!luhn(text.digits(m.start(), m.end()))) {
                return;
            }
            boolean separated = m.end() - m.start() > 16;
            double confidence = text.contextBefore(m.start(), 20, "카드", "card", "결제") ? 0.97
                    : separated ? 0.9 : 0.8;
            out.add(new Candidate(PiiType.CARD_NUMBER, m.start(), m.end(), confidence));
        });
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
