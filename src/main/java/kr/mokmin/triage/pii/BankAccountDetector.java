package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Bank account numbers: 10 to 14 digits, in groups or not, and only next to a word about accounts or a bank
 * (계좌, 입금, 송금, 이체, 예금주, 은행, 농협 …). Korean account formats differ per bank and look like any other
 * number, so without such a word a digit run is never taken for an account.
 */
final class BankAccountDetector implements PiiDetector {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![0-9_])(?<![0-9][-.])\\d{2,14}(?:[- ]\\d{1,8}){0,4}(?![-.]?[0-9])");
    private static final String[] BEFORE = {"계좌", "입금", "송금", "이체", "예금주", "은행", "뱅크", "농협", "신협", "수협",
        "우체국", "금고", "통장"};
    private static final String[] AFTER = {"은행", "뱅크", "농협", "신협", "수협", "우체국", "금고", "예금주"};

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(NUMBER, 0, 0, 10, m -> {
            int digits = text.digits(m.start(), m.end()).length();
            if (digits < 10 || digits > 14) {
                return;
            }
            if (text.contextBefore(m.start(), 25, BEFORE) || text.contextAfter(m.end(), 12, AFTER)) {
                out.add(new Candidate(PiiType.BANK_ACCOUNT, m.start(), m.end(), 0.85));
            }
        });
    }
}
