package kr.mokmin.triage.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean PII detection and masking.
 * INTERIM: masks only long digit runs, as phone numbers, until the full detector (issue 4, PII part) lands.
 */
public final class KoreanPiiMasker implements PiiMasker {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d[\\d -]{5,}\\d");

    @Override
    public MaskedText mask(String text) {
        List<PiiSpan> spans = new ArrayList<>();
        StringBuilder masked = new StringBuilder(text);
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            spans.add(new PiiSpan(PiiType.PHONE_NUMBER, m.start(), m.end(), 0.5));
            for (int i = m.start(); i < m.end(); i++) {
                if (Character.isDigit(text.charAt(i))) {
                    masked.setCharAt(i, '*');
                }
            }
        }
        return new MaskedText(masked.toString(), spans);
    }
}
