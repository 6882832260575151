package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * 여권번호: the current form (since December 2021) {@code M123A4567}, the electronic one (2008–2021)
 * {@code M12345678}, and the old two letters + seven digits {@code JR1234567}. The old form looks like many
 * product and reference codes, so it needs 여권/passport in front; the others are raised by it.
 */
final class PassportDetector implements PiiDetector {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![A-Za-z0-9])(?:([MSRGDO])(?:\\d{8}|\\d{3}[A-Z]\\d{4})|[A-Z]{2}\\d{7})(?![A-Za-z0-9])");

    /** Every form starts with a capital letter right before the first digit. */
    private static boolean letterBefore(PiiText text, int chunk) {
        int s = text.chunkStart(chunk);
        return s > 0 && text.at(s - 1) >= 'A' && text.at(s - 1) <= 'Z';
    }

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(NUMBER, 2, 6, c -> letterBefore(text, c), m -> {
            boolean context = text.contextBefore(m.start(), 25, "여권", "passport", "Passport", "PASSPORT");
            boolean current = m.group(1) != null;
            if (current || context) {
                out.add(new Candidate(PiiType.PASSPORT_NUMBER, m.start(), m.end(), context ? 0.95 : 0.7));
            }
        });
    }
}
