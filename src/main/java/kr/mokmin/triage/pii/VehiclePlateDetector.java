package kr.mokmin.triage.pii;

import java.util.List;

/**
 * Vehicle plates: {@code 12가3456} and {@code 123가4567} (since 2019), the old regional form {@code 서울12가3456},
 * with every letter in use (private 가–조/구–주, commercial 아바사자 and 배, rental 하허호). Amounts ({@code 16조8200억})
 * and court case numbers ({@code 대법원 96도2753}) have the same shape and are told apart by what follows or precedes.
 *
 * <p>Read by hand from the end of each numeric chunk rather than by a regular expression: it runs for every chunk
 * of every complaint, and this way costs a few comparisons where a pattern with 17 region names cost a search.
 */
final class VehiclePlateDetector implements PiiDetector {

    private static final String LETTERS = "가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호";
    private static final String[] REGIONS = {"서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북",
        "충남", "전북", "전남", "경북", "경남", "제주"};

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        String t = text.text;
        int n = t.length();
        for (int c = 0; c < text.chunkCount(); c++) {
            int chunkStart = text.chunkStart(c);
            int e = text.chunkEnd(c);
            int g = e;
            while (g > chunkStart && PiiText.isDigit(t.charAt(g - 1))) {
                g--;
            }
            if (e - g < 2 || e - g > 3 || (g > chunkStart && t.charAt(g - 1) != ' ')) {
                continue; // the class is two or three digits of their own, not the tail of 2026.11.23
            }
            if (e >= n || LETTERS.indexOf(t.charAt(e)) < 0) {
                continue;
            }
            int d = e + 1;
            boolean spaced = d < n && t.charAt(d) == ' ';
            if (spaced) {
                d++;
            }
            if (!fourDigitsAt(t, d)) {
                continue;
            }
            int start = regionStart(t, g);
            if (start < 0 || text.contextBefore(start, 15, "선고", "판결", "법원", "사건번호")) {
                continue; // 96도2753: a court case number has the same shape
            }
            out.add(new Candidate(PiiType.VEHICLE_PLATE, start, d + 4, spaced ? 0.75 : 0.9));
        }
    }

    /** Four digits at {@code d}, then no digit and no unit of money (16조8200억, 56조 2000만원). */
    private static boolean fourDigitsAt(String t, int d) {
        if (d + 4 > t.length()) {
            return false;
        }
        for (int i = d; i < d + 4; i++) {
            if (!PiiText.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return d + 4 == t.length() || (!PiiText.isDigit(t.charAt(d + 4)) && "억만원천".indexOf(t.charAt(d + 4)) < 0);
    }

    /** Where the plate starts: at a region name right before the digits, else at the digits; -1 inside a word. */
    private static int regionStart(String t, int g) {
        int b = g > 0 && t.charAt(g - 1) == ' ' ? g - 1 : g;
        for (String region : REGIONS) {
            if (b >= 2 && t.startsWith(region, b - 2) && (b == 2 || !wordChar(t.charAt(b - 3)))) {
                return b - 2;
            }
        }
        return g > 0 && wordChar(t.charAt(g - 1)) ? -1 : g;
    }

    private static boolean wordChar(char c) {
        return PiiText.isHangul(c) || PiiText.isDigit(c);
    }
}
