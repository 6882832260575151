package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * 주민등록번호 and 외국인등록번호: {@code YYMMDD-GNNNNNN}. The birth date must exist, with the century from the
 * 7th digit (1, 2, 5, 6: 1900s; 3, 4, 7, 8: 2000s; 5–8 are foreigners). The check digit is only evidence: numbers
 * issued since October 2020 end in a random digit, so a failed check lowers the confidence and keeps the match.
 */
final class IdentityNumberDetector implements PiiDetector {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9_])(?<![0-9][-.])(\\d{6})( ?- ?| |)([1-8]\\d{6})(?![-.]?[0-9])(?!\\.[A-Za-z])");
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(NUMBER, 0, 0, 13, m -> {
            String digits = m.group(1) + m.group(3);
            int gender = digits.charAt(6) - '0';
            if (!validBirthDate(digits, gender)) {
                return;
            }
            boolean foreigner = gender >= 5;
            boolean checks = checkDigitMatches(digits, foreigner);
            boolean separated = !m.group(2).isEmpty();
            // 13 digits in a row with a failed check are as often a serial or a timestamp: kept only next to a word
            double confidence = separated ? (checks ? 0.98 : 0.8) : (checks ? 0.9 : 0.45);
            if (text.contextBefore(m.start(), 20, "주민", "등록번호", "외국인")) {
                confidence = Math.max(confidence, 0.9);
            }
            out.add(new Candidate(foreigner ? PiiType.ALIEN_REGISTRATION_NUMBER : PiiType.RESIDENT_REGISTRATION_NUMBER,
                    m.start(), m.end(), confidence));
        });
    }

    static boolean validBirthDate(String digits, int gender) {
        int year = (gender <= 2 || gender == 5 || gender == 6 ? 1900 : 2000)
                + (digits.charAt(0) - '0') * 10 + (digits.charAt(1) - '0');
        int month = (digits.charAt(2) - '0') * 10 + (digits.charAt(3) - '0');
        int day = (digits.charAt(4) - '0') * 10 + (digits.charAt(5) - '0');
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** 주민등록번호: (11 − Σ)%10; 외국인등록번호: (13 − Σ)%10, with Σ the weighted sum mod 11. */
    static boolean checkDigitMatches(String digits, boolean foreigner) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = ((foreigner ? 13 : 11) - sum % 11) % 10;
        return check == digits.charAt(12) - '0';
    }
}
