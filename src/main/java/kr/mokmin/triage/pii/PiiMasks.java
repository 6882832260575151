package kr.mokmin.triage.pii;

/**
 * How each type is masked, in place and length-preserving: digits (and letters of codes) become {@code *};
 * separators, the road name, 동/호 and the {@code @} and domain of an e-mail stay, so a reader still sees what kind
 * of thing was there.
 */
final class PiiMasks {

    static final char MASK = '*';

    private PiiMasks() {
    }

    static void apply(Candidate c, String folded, char[] out) {
        int s = c.start();
        int e = c.end();
        switch (c.type()) {
            // 900101-1****** : birth date and the century/sex digit stay
            case RESIDENT_REGISTRATION_NUMBER, ALIEN_REGISTRATION_NUMBER -> digits(folded, out, s, e, 7, 0);
            case PHONE_NUMBER -> phone(folded, out, s, e);
            case EMAIL -> email(folded, out, s, e);
            // 1234-56**-****-3456 : issuer (6) and last four stay, as on a receipt
            case CARD_NUMBER -> digits(folded, out, s, e, 6, 4);
            case BANK_ACCOUNT -> digits(folded, out, s, e, 3, 3);
            // 123-45-***** : the tax office and type of business stay
            case BUSINESS_REGISTRATION_NUMBER -> digits(folded, out, s, e, 5, 0);
            // 11-91-******-** or 서울 91-******-** : region and year stay
            case DRIVER_LICENSE_NUMBER -> digits(folded, out, s, e, PiiText.isDigit(folded.charAt(s)) ? 4 : 2, 0);
            case HEALTH_INSURANCE_NUMBER -> digits(folded, out, s, e, 2, 0);
            case PASSPORT_NUMBER -> {
                for (int i = s + 4; i < e; i++) {
                    out[i] = MASK;
                }
            }
            // 12가**** : the class and letter stay
            case VEHICLE_PLATE -> {
                int masked = 0;
                for (int i = e - 1; i >= s && masked < 4; i--) {
                    if (PiiText.isDigit(folded.charAt(i))) {
                        out[i] = MASK;
                        masked++;
                    }
                }
            }
            // 시청로 **, ***동 ****호 : every digit from the building number on
            case ADDRESS -> digits(folded, out, c.maskFrom(), e, 0, 0);
            case PERSON_NAME -> {
                String name = folded.substring(s, e);
                for (int i = 0; i < name.length(); i++) {
                    if (!PersonNameDetector.keep(name, i)) {
                        out[s + i] = MASK;
                    }
                }
            }
        }
    }

    /** Masks the digits of {@code [s, e)} except the first {@code keepHead} and the last {@code keepTail}. */
    static void digits(String folded, char[] out, int s, int e, int keepHead, int keepTail) {
        int total = 0;
        for (int i = s; i < e; i++) {
            if (PiiText.isDigit(folded.charAt(i))) {
                total++;
            }
        }
        int seen = 0;
        for (int i = s; i < e; i++) {
            if (PiiText.isDigit(folded.charAt(i))) {
                if (seen >= keepHead && seen < total - keepTail) {
                    out[i] = MASK;
                }
                seen++;
            }
        }
    }

    /**
     * The middle group: 010-****-5678, 02-***-1234, +82 10-****-5678, (☎) ***-1234; without separators the
     * digits between the area code and the last four (010****5678).
     */
    private static void phone(String folded, char[] out, int s, int e) {
        int[] groupStart = new int[8];
        int[] groupEnd = new int[8];
        int groups = 0;
        for (int i = s; i < e && groups < 8; ) {
            if (PiiText.isDigit(folded.charAt(i))) {
                int j = i;
                while (j < e && PiiText.isDigit(folded.charAt(j))) {
                    j++;
                }
                groupStart[groups] = i;
                groupEnd[groups++] = j;
                i = j;
            } else {
                i++;
            }
        }
        if (groups >= 2) {
            int g = groups - 2;
            for (int i = groupStart[g]; i < groupEnd[g]; i++) {
                out[i] = MASK;
            }
            return;
        }
        int from = groupStart[0];
        int to = groupEnd[0];
        if (folded.startsWith("82", from)) {
            from += 2;
        } else {
            from += 1; // the trunk 0
        }
        // area code: 2 (Seoul), 50x, else two digits (1x, 3x–6x, 70)
        from += folded.charAt(from) == '2' ? 1 : folded.startsWith("50", from) ? 3 : 2;
        for (int i = from; i < to - 4; i++) {
            out[i] = MASK;
        }
    }

    /** ho****@example.com : two characters of the local part stay (one when it is that short). */
    private static void email(String folded, char[] out, int s, int e) {
        int at = folded.indexOf('@', s);
        int keep = at - s > 2 ? 2 : at - s > 1 ? 1 : 0;
        for (int i = s + keep; i < at; i++) {
            out[i] = MASK;
        }
    }
}
