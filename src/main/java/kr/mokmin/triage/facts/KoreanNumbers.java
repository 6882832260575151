package kr.mokmin.triage.facts;

import java.math.BigDecimal;

/** Korean amounts written with digits and unit words: 150,000 / 15만 / 3만 5천 / 1억 2천만 / 8만1000 / 1.5억. */
final class KoreanNumbers {

    private KoreanNumbers() {
    }

    /**
     * The value of digits mixed with 십·백·천 (small units, multiplying the number before them) and 만·억·조 (large
     * units, multiplying everything since the previous large unit): 2천5백만 = (2천 + 5백) × 만 = 25,000,000.
     *
     * @return the value, or -1 when the text holds no digits or does not parse
     */
    static long parse(String text) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal pending = null;
        boolean sawDigit = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == ','
                        || text.charAt(i) == '.')) {
                    i++;
                }
                String digits = text.substring(start, i).replace(",", "");
                if (digits.endsWith(".")) {
                    digits = digits.substring(0, digits.length() - 1);
                }
                try {
                    pending = new BigDecimal(digits);
                } catch (NumberFormatException e) {
                    return -1;
                }
                sawDigit = true;
                continue;
            }
            long small = switch (c) {
                case '십' -> 10;
                case '백' -> 100;
                case '천' -> 1000;
                default -> 0;
            };
            long large = switch (c) {
                case '만' -> 10_000L;
                case '억' -> 100_000_000L;
                case '조' -> 1_000_000_000_000L;
                default -> 0;
            };
            if (small > 0) {
                section = section.add((pending == null ? BigDecimal.ONE : pending).multiply(BigDecimal.valueOf(small)));
                pending = null;
            } else if (large > 0) {
                section = section.add(pending == null ? BigDecimal.ZERO : pending);
                if (section.signum() == 0) {
                    section = BigDecimal.ONE;
                }
                total = total.add(section.multiply(BigDecimal.valueOf(large)));
                section = BigDecimal.ZERO;
                pending = null;
            }
            i++;
        }
        if (!sawDigit) {
            return -1;
        }
        total = total.add(section).add(pending == null ? BigDecimal.ZERO : pending);
        try {
            return total.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
