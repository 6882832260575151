package kr.mokmin.triage.facts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which words ending in 동/읍/면 are places. A gazetteer of the 파주시 and 고양시 읍·면·동 is trusted as is; any
 * other name must pass the generic filters, because Korean has many common nouns ending in 동 (행동, 활동, 이동,
 * 자동 …) and landmark suffixes (지역 ends in 역, 시장님 starts with 시장).
 */
final class PlaceNames {

    /** Common words ending in 동; a candidate that ends with one of them is not a 동 name (재이동, 전자동 …). */
    private static final List<String> NOT_DONG = List.of(
            "행동", "활동", "이동", "자동", "운동", "공동", "노동", "작동", "가동", "출동", "변동", "감동", "충동",
            "발동", "난동", "소동", "협동", "합동", "전동", "수동", "냉동", "해동", "파동", "요동", "폭동", "혼동",
            "거동", "구동", "시동", "기동", "유동", "선동", "율동", "태동", "반동", "능동", "피동", "부동", "연동",
            "준동", "역동", "생동", "미동", "진동", "격동", "약동", "초동", "동동", "아동", "청동", "고동", "외동",
            "한동", "원동", "홍길동");

    /** Words ending in a landmark suffix that are not places (지역 ends in 역, 학교 alone is no name …). */
    private static final List<String> NOT_LANDMARK = List.of(
            "지역", "구역", "영역", "전역", "무역", "해역", "수역", "성역", "번역", "통역", "내역", "권역", "광역",
            "공역", "유역", "노역", "부역", "병역", "현역", "방역", "면역", "사역", "주역", "악역", "배역", "단역",
            "조역", "역역", "이역", "재역", "경역", "하역", "직역", "의역", "구간역", "금역",
            "주식시장", "부동산시장", "노동시장", "증권시장", "금융시장", "시장시장", "외환시장", "채권시장",
            "국립공원", "놀이공원", "자본시장", "거래시장", "실제시장", "국내시장", "해외시장", "세계시장", "중고시장", "취업시장",
            "소비자시장", "징역", "군역", "교역", "종착역", "시발역", "스마트", "규역");

    /** Words before a landmark suffix that make it a kind of place, not a named one (공영주차장, 해당 아파트). */
    private static final Set<String> GENERIC_PREFIX = Set.of(
            "공영", "지하", "노상", "대형", "종합", "동물", "대학", "버스", "시내버스", "근린", "어린이", "소", "전통", "재래",
            "지하철", "전철", "기차", "고속버스", "시외버스", "해당", "우리", "저희", "인근", "주변", "옆", "근처", "같은", "이",
            "그", "저", "각", "모든", "일반", "공공", "개인", "사설", "공용", "민영", "불법", "무료", "유료", "신축", "노후",
            "주택가", "동네", "집앞", "공동주택", "임대", "대단지", "건너편", "맞은편", "앞", "뒤", "아파트", "단지", "국공립",
            "사립", "공립", "시립", "구립", "인근의", "주변의", "부설", "야외", "실내", "임시", "간이", "무인", "유인", "민간",
            "큰", "새", "고층", "저층", "협력", "초중", "가정", "지역", "인근지역", "일반병원", "한", "두", "여러");
    /** A "name" that holds a particle or verb ending is running text without spaces, not a name. */
    private static final java.util.regex.Pattern RUNNING_TEXT = java.util.regex.Pattern.compile(
            "를|에서|들과|보니|아니|이란|\\d+(?:년|개월|명|번|일)");

    private final Set<String> gazetteer;

    private PlaceNames(Set<String> gazetteer) {
        this.gazetteer = Set.copyOf(gazetteer);
    }

    /** The bundled gazetteer ({@code dong-names.txt} next to this class). */
    static PlaceNames bundled() {
        Set<String> names = new HashSet<>();
        try (InputStream in = PlaceNames.class.getResourceAsStream("dong-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("dong-names.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String name : line.trim().split("\\s+")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PlaceNames(names);
    }

    boolean known(String name) {
        return gazetteer.contains(name);
    }

    /**
     * Whether a word ending in 동 (optionally followed by {@code N가}) names a 동: a gazetteer name, or a word of at
     * least three characters that does not end in a common noun (one-syllable stems such as 일동 "everyone", 중동
     * "the Middle East" are too ambiguous outside the gazetteer).
     */
    boolean isDong(String word) {
        String name = word.replaceFirst("\\d가$", "");
        if (gazetteer.contains(name)) {
            return true;
        }
        String stem = name.replaceFirst("\\d*동$", "");
        if (stem.length() < 2 || !isHangul(stem)) {
            return false;
        }
        for (String common : NOT_DONG) {
            if (name.endsWith(common)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word ending in a landmark suffix is a named place (not 지역, 주식시장 …). */
    boolean isLandmark(String word, String suffix) {
        if (word.length() <= suffix.length()) {
            return false; // a bare 공원 or 아파트 names no particular place
        }
        for (String common : NOT_LANDMARK) {
            if (word.endsWith(common)) {
                return false;
            }
        }
        String prefix = word.substring(0, word.length() - suffix.length());
        if (GENERIC_PREFIX.contains(prefix) || prefix.length() > 10 || RUNNING_TEXT.matcher(prefix).find()) {
            return false;
        }
        // 파주시장, 인천시장: the mayor, not a market
        return !(suffix.equals("시장") && prefix.endsWith("시"));
    }

    private static boolean isHangul(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '가' || c > '힣') {
                return false;
            }
        }
        return true;
    }
}
