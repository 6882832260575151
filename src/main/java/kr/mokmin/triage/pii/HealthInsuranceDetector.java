package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * 건강보험증번호 (11 digits, sometimes grouped): only after a word that names it (건강보험, 보험증, 건보, 의료보험),
 * since the number itself has no structure to tell it from others.
 */
final class HealthInsuranceDetector implements PiiDetector {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9_])(?<![0-9][-.])\\d{1,11}(?:-\\d{1,11}){0,2}(?![-.]?[0-9])");

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(NUMBER, 0, 0, 10, m -> {
            int digits = text.digits(m.start(), m.end()).length();
            if (digits >= 10 && digits <= 13
                    && text.contextBefore(m.start(), 25, "건강보험", "보험증", "건보", "의료보험")) {
                out.add(new Candidate(PiiType.HEALTH_INSURANCE_NUMBER, m.start(), m.end(), 0.8));
            }
        });
    }
}
