package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Vehicle plates: {@code 12가3456} and {@code 123가4567} (since 2019), the old regional form {@code 서울12가3456},
 * with every letter in use (private 가–조/구–주, commercial 아바사자 and 배, rental 하허호). Amounts ({@code 16조8200억})
 * and court case numbers ({@code 대법원 96도2753}) have the same shape and are told apart by what follows or precedes.
 */
final class VehiclePlateDetector implements PiiDetector {

    private static final Pattern PLATE = Pattern.compile(
            "(?<![가-힣0-9])(?:(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주) ?)?"
                    + "\\d{2,3}[가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호]( ?)\\d{4}"
                    + "(?![0-9]|억|만|원|천)");

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        text.forEachMatch(PLATE, 4, 8, m -> {
            if (text.contextBefore(m.start(), 15, "선고", "판결", "법원", "사건번호")) {
                return; // 96도2753: a court case number has the same shape
            }
            out.add(new Candidate(PiiType.VEHICLE_PLATE, m.start(), m.end(), m.group(1).isEmpty() ? 0.9 : 0.75));
        });
    }
}
