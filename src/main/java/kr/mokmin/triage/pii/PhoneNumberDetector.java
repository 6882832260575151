package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mobile (010, 011, 016–019), landline (02, 031–064), 070 and 050x numbers, written with {@code -}, {@code .},
 * spaces, a bracketed area code, {@code +82} or nothing between the groups; and, next to a word such as 전화 or
 * ☎, local numbers without an area code ({@code 940-1234}).
 *
 * <p>Not PII, so never reported: 15xx/16xx/18xx 대표번호 and 080 numbers. They are assigned to businesses and
 * public bodies nationally, never to a person, and citizens quote them to say whom they called.
 */
final class PhoneNumberDetector implements PiiDetector {

    private static final String SEP = "( ?[-.,)] ?| |)";
    private static final Pattern FULL = Pattern.compile(
            "(?<![0-9_])(?<![0-9][-.])(\\+82[ -]?(?:\\(0\\))?|\\(?0)"
                    + "(1[016789]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|50[2-8])\\)?" + SEP + "(\\d{3,4})" + SEP
                    + "(\\d{4})(?![-.]?[0-9])");
    private static final Pattern LOCAL = Pattern.compile(
            "(?<![0-9_])(?<![0-9][-.)] ?)([2-9]\\d{2,3})( ?- ?|\\.)(\\d{4})(?![-.]?[0-9])(?! ?[만원억천명개건년%])");
    private static final String[] CONTEXT = {"전화", "연락", "☎", "tel", "Tel", "TEL", "핸드폰", "휴대폰", "휴대전화",
        "번호", "내선", "문의"};

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(FULL, 6, 0, 9, m -> full(text, m, out));
        text.forEachMatch(LOCAL, 0, 0, 7, m -> {
            String exchange = m.group(1);
            boolean year = exchange.length() == 4 && (exchange.startsWith("19") || exchange.startsWith("20"));
            if (!year && (text.contextBefore(m.start(), 12, CONTEXT)
                    || text.contextAfter(m.end(), 8, "로 문의", "로 연락", "로 전화", "번으로"))) {
                out.add(new Candidate(PiiType.PHONE_NUMBER, m.start(), m.end(), 0.7));
            }
        });
    }

    private static void full(PiiText text, Matcher m, List<Candidate> out) {
        String area = m.group(2);
        boolean mobile = area.startsWith("1");
        if (area.equals("10") && m.group(4).length() != 4) {
            return; // every 010 number has an eight-digit subscriber part
        }
        boolean separated = !m.group(3).isEmpty() || !m.group(5).isEmpty() || m.group(1).length() > 1;
        double confidence;
        if (separated) {
            confidence = mobile ? 0.95 : 0.9;
        } else if (mobile) {
            confidence = 0.85;
        } else {
            // a bare 0xxxxxxxxx is as often a file name or a serial: only with a phone word in front
            confidence = text.contextBefore(m.start(), 12, CONTEXT) ? 0.8 : 0;
        }
        if (confidence > 0) {
            out.add(new Candidate(PiiType.PHONE_NUMBER, m.start(), m.end(), confidence));
        }
    }
}
