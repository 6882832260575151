package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * 운전면허번호: {@code RR-YY-NNNNNN-CC} with the region code 11–28 in front, or the older form with the region
 * name ({@code 서울 91-123456-12}). Without separators only next to 면허.
 */
final class DriverLicenseDetector implements PiiDetector {

    private static final Pattern CODED = Pattern.compile(
            "(?<![0-9_])(?<![0-9][-.])(?:1[1-9]|2[0-8])([- ]?)\\d{2}\\1\\d{6}\\1\\d{2}(?![-.]?[0-9])");
    private static final Pattern NAMED = Pattern.compile(
            "(?<![가-힣])(?:서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산) ?"
                    + "\\d{2}-\\d{6}-\\d{2}(?![-.]?[0-9])");

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(CODED, 0, 0, 12, m -> {
            boolean context = text.contextBefore(m.start(), 20, "면허");
            if (m.group(1).isEmpty() && !context) {
                return;
            }
            out.add(new Candidate(PiiType.DRIVER_LICENSE_NUMBER, m.start(), m.end(), context ? 0.95 : 0.85));
        });
        text.forEachMatch(NAMED, 5, 0, 10, m -> out.add(new Candidate(PiiType.DRIVER_LICENSE_NUMBER, m.start(), m.end(),
                text.contextBefore(m.start(), 20, "면허") ? 0.95 : 0.9)));
    }
}
