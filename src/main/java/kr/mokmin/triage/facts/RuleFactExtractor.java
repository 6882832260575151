package kr.mokmin.triage.facts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts by rules and small gazetteers, no model: Korean addresses, 동/읍/면 names, landmarks, dates, times, amounts,
 * vehicle plates, phone numbers and referenced laws. Thread-safe and allocation-light (patterns are compiled once).
 *
 * <p>{@link Fact#normalized()} per type: places {@code road:시청로50}, {@code lot:금촌동123-4}, {@code dong:금촌1동},
 * {@code landmark:금촌역} (keys for "same place" matching, spaces dropped); dates ISO {@code 2026-11-03}, a month
 * and day without a year {@code --11-03}, a day of the month alone {@code ---03}, a month {@code 2026-11}, relative
 * words as written unless a reference date resolves them; times {@code 14:30} (24 h when 오전/오후/새벽/저녁/밤 or
 * {@code 14:30} says so, else as written: {@code 3시} is {@code 03:00}); amounts in won ({@code 35000}); plates
 * without spaces ({@code 12가3456}); phone numbers {@code 010-1234-5678}; laws {@code 주차장법 시행령 제6조} with the
 * official title when the name is known.
 */
public final class RuleFactExtractor implements FactExtractor {

    /** What may follow a place name: the end, a non-Hangul character or a particle or position word. */
    private static final String AFTER_PLACE = "(?=$|[^가-힣]|에|의|은|는|이|가|을|를|과|와|도|로|으로|앞|옆|뒤|근처|부근"
            + "|주변|인근|쪽|방면|방향|입구|출구|일대|일원|주민센터|행정복지센터|부터|까지|에서|사거리|삼거리|번지|사이)";

    private static final Pattern ROAD = Pattern.compile(
            "(?<![가-힣])([가-힣]{1,10}?\\d{0,3}(?:대로|로|길))\\s?(\\d{1,4}번?[가-힣]?길)?\\s?(\\d{1,4}(?:-\\d{1,4})?)"
                    + "(?=$|[^\\d가-힣A-Za-z%]|에|의|은|는|이|가|을|를|과|와|도|로|으로|앞|옆|뒤|일대|근처|부근|주변|인근|쪽)");
    private static final Pattern LOT = Pattern.compile(
            "(?<![가-힣])(?:([가-힣]{1,4}[읍면])\\s)?([가-힣]{1,6}\\d{0,2}(?:동(?:\\d가)?|리))\\s?(산\\s?)?"
                    + "(\\d{1,5}(?:\\s?-\\s?\\d{1,5})?)(?![\\d-])(\\s?번지)?" + AFTER_PLACE);
    private static final Pattern DONG = Pattern.compile(
            "(?<![가-힣])([가-힣]{1,6}\\d{0,2}동(?:\\d가)?)" + AFTER_PLACE);
    private static final Pattern EUP_MYEON = Pattern.compile(
            "(?<![가-힣])([가-힣]{1,4}[읍면])" + AFTER_PLACE);

    private static final String LANDMARK_SUFFIXES = "초등학교|중학교|고등학교|대학교|아파트|오피스텔|빌라|공원|역|사거리|삼거리"
            + "|오거리|교차로|시장|주민센터|행정복지센터|정류장|정류소|터미널|도서관|경로당|어린이집|유치원|체육관|복지관|파출소|지구대"
            + "|소방서|우체국|시청|구청|군청|육교|터널|지하차도|주차장|병원|보건소|빌딩|상가|광장|마트|대교";
    private static final Pattern LANDMARK = Pattern.compile(
            "(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]{0,14}?(" + LANDMARK_SUFFIXES + "))" + AFTER_PLACE);

    private static final Pattern DATE_FULL = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s?년\\s?(\\d{1,2})\\s?월\\s?(\\d{1,2})\\s?일");
    private static final Pattern DATE_NUMERIC = Pattern.compile(
            "(?<![\\d.\\-/])((?:19|20)\\d{2})\\s?([.\\-/])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{1,2})(?![\\d])\\.?");
    private static final Pattern DATE_SHORT_YEAR = Pattern.compile(
            "(?<![\\d.\\-/])(\\d{2})\\.(\\d{1,2})\\.(\\d{1,2})(?![\\d.])");
    private static final Pattern YEAR_MONTH = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s?년\\s?(\\d{1,2})\\s?월");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\s?월\\s?(\\d{1,2})\\s?일");
    private static final Pattern DAY_AT = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s?일(?=\\s?(?:오전|오후|새벽|아침|저녁|밤|낮|\\d{1,2}\\s?시))");
    private static final Pattern RELATIVE_DAY = Pattern.compile(
            "(?<![가-힣])(오늘|금일|어제|어젯밤|전일|그제|그저께|그젯밤|엊그제|내일|모레|지난\\s?주|이번\\s?주|지난\\s?달|이번\\s?달"
                    + "|지난해|작년|올해|금년|지난\\s?주말|이번\\s?주말)"
                    + "(?=$|[^가-힣]|에|은|는|도|부터|까지|의|밤|저녁|아침|오전|오후|새벽|낮|쯤|경)");

    private static final Pattern TIME_KOREAN = Pattern.compile(
            "(?<!\\d)(?:(오전|오후|새벽|아침|저녁|밤|낮)\\s?)?(\\d{1,2})\\s?시(?:\\s?(\\d{1,2})\\s?분|\\s?(반))?"
                    + "(?:\\s?(?:경|쯤|께|무렵|즈음|정각))?"
                    + "(?=$|[^가-힣]|에|부터|까지|전|후|이후|이전|사이|정도|넘|가|이|께|경|쯤|는|도|부|까)");
    private static final Pattern TIME_COLON = Pattern.compile(
            "(?:(오전|오후|새벽|아침|저녁|밤|낮)\\s?)?(?<![\\d:.])([01]?\\d|2[0-3]):([0-5]\\d)(?::[0-5]\\d)?(?![\\d:])");

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\d.,])(\\d[\\d,]*(?:\\.\\d+)?(?:\\s?[십백천만억조]+(?:\\s?\\d[\\d,]*(?:\\.\\d+)?)?)*)\\s?원"
                    + "(?!래|인|칙|장|룸|활|리|생|형|내|단|소|료|고|본|금|전|상|자|조|작|천|심|동|점|피|유|수|년|화)");

    private static final Pattern PLATE = Pattern.compile(
            "(?<![\\d제])(?<!제\\s)((?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)\\s?)?"
                    + "(\\d{2,3})\\s?([가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주아바사자배하허호])\\s?(\\d{4})"
                    + "(?![\\d])");

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d*])(?:\\((?=0[\\d*]{1,3}\\)))?(0(?:1[016789]|2|[3-6][1-5]|70|50[2-8]?|80))(?:\\)\\s?|[-.\\s]?)([\\d*]{3,4})[-.\\s]?([\\d*]{4})"
                    + "(?![\\d*])");
    private static final Pattern PHONE_NATIONWIDE = Pattern.compile("(?<![\\d*])(1[568]\\d{2})-(\\d{4})(?![\\d*])");

    private static final String ARTICLE = "\\s?제\\s?(\\d{1,4})\\s?조(?:\\s?의\\s?(\\d{1,3}))?(?:\\s?(?:제\\s?)?(\\d{1,3})\\s?항)?"
            + "(?:\\s?(?:제\\s?)?(\\d{1,3})\\s?호)?";
    private static final Pattern BRACKETED_LAW = Pattern.compile(
            "「([^」\\n]{2,60})」(?:\\s?(시행령|시행규칙))?(?:" + ARTICLE + ")?");
    private static final Pattern AFTER_LAW_NAME = Pattern.compile("^(?:\\s?(시행령|시행규칙))?(?:" + ARTICLE + ")?");
    private static final Pattern UNKNOWN_LAW_WITH_ARTICLE = Pattern.compile(
            "(?<![가-힣])([가-힣][가-힣ㆍ·]{1,20}(?:법률|법|조례))(?:\\s?(시행령|시행규칙))?" + ARTICLE);
    private static final Pattern SAME_LAW = Pattern.compile(
            "(?<![가-힣])(같은\\s?법률?|동법|같은\\s?영|같은\\s?조례|같은\\s?규칙)(?:\\s?(시행령|시행규칙))?" + ARTICLE);

    /** Nouns that take 로 as a particle ("버스로 10분") and adverbs ending in 로: never road names. */
    private static final Set<String> NOT_ROAD = Set.of(
            "버스로", "차로", "택시로", "전화로", "도보로", "문자로", "우편로", "서면로", "구두로", "현장로", "직접로", "쪽로",
            "도로", "대로", "그대로", "제대로", "마음대로", "멋대로", "함부로", "스스로", "따로", "서로", "바로", "실로", "새로",
            "홀로", "주로", "절대로", "정말로", "억지로", "진짜로", "대체로", "최초로", "최종로", "별도로", "실제로", "계속로",
            "뒤로", "앞로", "위로", "아래로", "옆로", "밖로", "안로", "속로", "이메일로", "메일로", "팩스로", "인터넷로",
            "온라인로", "카톡로", "무료로", "유료로", "개별로", "차례로", "순서로", "반대로", "기준로", "원인로", "결과로",
            "차선로", "길", "골목길", "산책길", "출근길", "퇴근길", "등굣길", "하굣길", "등교길", "하교길", "빗길", "눈길",
            "밤길", "지름길", "갈림길", "샛길", "뒷길", "옆길", "큰길", "찻길", "가는길", "오는길", "귀갓길", "귀가길", "인도길",
            "자전거로", "오토바이로", "트럭으로", "화물차로", "자가용으로", "승용차로", "전철로", "지하철로", "기차로");

    private final PlaceNames places;
    private final LawNames laws;

    public RuleFactExtractor() {
        this(PlaceNames.bundled(), LawNames.bundled());
    }

    RuleFactExtractor(PlaceNames places, LawNames laws) {
        this.places = places;
        this.laws = laws;
    }

    @Override
    public List<Fact> extract(String text) {
        return extract(text, null);
    }

    /**
     * Facts, with dates that lack a year or are relative (어제, 11월 3일, 3일 오전) resolved against the day the
     * complaint was written: the latest such date not after {@code reference} (a month and day after it are taken
     * from the year before).
     *
     * @param reference the day the text was written, or null to leave such dates unresolved
     */
    public List<Fact> extract(String text, LocalDate reference) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Fact> candidates = new ArrayList<>();
        Anchors anchors = Anchors.of(text);
        laws(text, anchors, candidates);
        roads(text, anchors, candidates);
        lots(text, anchors, candidates);
        dongs(text, anchors, candidates);
        landmarks(text, anchors, candidates);
        dates(text, anchors, reference, candidates);
        times(text, anchors, candidates);
        amounts(text, anchors, candidates);
        plates(text, anchors, candidates);
        phones(text, anchors, candidates);
        return resolveOverlaps(candidates);
    }

    // --- places -------------------------------------------------------------------------------------------------

    private void roads(String text, Anchors anchors, List<Fact> out) {
        for (Anchors.Match m = anchors.digits(ROAD); m.find(); ) {
            String name = m.group(1);
            String branch = m.group(2);
            if (branch == null && !plausibleRoad(text, m.start(), name)) {
                continue;
            }
            String key = "road:" + name + (branch == null ? "" : branch) + m.group(3).replace(" ", "");
            out.add(fact(FactType.ROAD_ADDRESS, text, m.start(), m.end(), key));
        }
    }

    /** A road name without a 번길 is believed when it is not a particle construction or adverb. */
    private boolean plausibleRoad(String text, int start, String name) {
        if (NOT_ROAD.contains(name) || name.endsWith("으로") || name.length() < 2) {
            return false;
        }
        for (String word : NOT_ROAD) {
            if (word.length() >= 3 && name.endsWith(word)) {
                return false;
            }
        }
        // Names like 시청로 are real, 그쪽으로 is not: a two-syllable X로 is accepted only after a city/구/동 word.
        return name.length() >= 3 || afterCity(text, start);
    }

    private void lots(String text, Anchors anchors, List<Fact> out) {
        for (Anchors.Match m = anchors.digits(LOT); m.find(); ) {
            String area = m.group(1);
            String name = m.group(2);
            boolean ri = name.endsWith("리");
            if (ri ? area == null || !(places.known(area) || area.length() >= 2) : !places.isDong(name)) {
                continue; // 리 only after a 읍/면 (거리 100, 마리 3 are no addresses)
            }
            if (area != null && !ri && !places.known(area)) {
                // "XX면 금촌동 1" never happens; the optional 읍/면 group just took a preceding word
                int start = m.start(2);
                out.add(fact(FactType.LOT_ADDRESS, text, start, m.end(), lotKey(null, m)));
                continue;
            }
            out.add(fact(FactType.LOT_ADDRESS, text, m.start(), m.end(), lotKey(area, m)));
        }
    }

    private static String lotKey(String area, MatchResult m) {
        return "lot:" + (area == null ? "" : area) + m.group(2) + (m.group(3) == null ? "" : "산")
                + m.group(4).replace(" ", "");
    }

    private void dongs(String text, Anchors anchors, List<Fact> out) {
        for (Anchors.Match m = anchors.dong(DONG); m.find(); ) {
            // 주민동의없이, 환불동의를: 동의 (consent) is a word, 교하동의 주민 a genitive
            boolean consent = m.end() + 1 < text.length() && text.charAt(m.end()) == '의'
                    && isHangul(text.charAt(m.end() + 1));
            if (!consent && places.isDong(m.group(1))) {
                out.add(fact(FactType.DONG, text, m.start(), m.end(), "dong:" + m.group(1)));
            }
        }
        for (Anchors.Match m = anchors.eupMyeon(EUP_MYEON); m.find(); ) {
            String name = m.group(1);
            if (places.known(name) || (name.length() == 3 && afterCity(text, m.start())
                    && "다라하으이려자되나지보가오주르".indexOf(name.charAt(1)) < 0)) {
                out.add(fact(FactType.DONG, text, m.start(), m.end(), "dong:" + name));
            }
        }
    }

    private void landmarks(String text, Anchors anchors, List<Fact> out) {
        for (Anchors.Match m = anchors.landmark(LANDMARK); m.find(); ) {
            String word = m.group(1);
            boolean roadName = m.end() < text.length() && (text.charAt(m.end()) == '로' || text.charAt(m.end()) == '길');
            if (!roadName && places.isLandmark(word, m.group(2))) {
                out.add(fact(FactType.LANDMARK, text, m.start(), m.end(), "landmark:" + word));
            }
        }
    }

    // --- dates and times ------------------------------------------------------------------------------------------

    private static void dates(String text, Anchors anchors, LocalDate reference, List<Fact> out) {
        for (Anchors.Match m = anchors.digits(DATE_FULL); m.find(); ) {
            addDate(text, m, m.group(1), m.group(2), m.group(3), out);
        }
        for (Anchors.Match m = anchors.digits(DATE_NUMERIC); m.find(); ) {
            addDate(text, m, m.group(1), m.group(3), m.group(4), out);
        }
        for (Anchors.Match m = anchors.digits(DATE_SHORT_YEAR); m.find(); ) {
            int yy = Integer.parseInt(m.group(1));
            if (yy <= 50) {
                addDate(text, m, String.valueOf(2000 + yy), m.group(2), m.group(3), out);
            }
        }
        for (Anchors.Match m = anchors.digits(YEAR_MONTH); m.find(); ) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                out.add(fact(FactType.DATE, text, m.start(), m.end(),
                        String.format("%s-%02d", m.group(1), month)));
            }
        }
        for (Anchors.Match m = anchors.digits(MONTH_DAY); m.find(); ) {
            MonthDay md = monthDay(m.group(1), m.group(2));
            if (md != null) {
                String normalized = reference == null ? md.toString() : resolve(md, reference).toString();
                out.add(fact(FactType.DATE, text, m.start(), m.end(), normalized));
            }
        }
        for (Anchors.Match m = anchors.digits(DAY_AT); m.find(); ) {
            int day = Integer.parseInt(m.group(1));
            if (day >= 1 && day <= 31) {
                String normalized = String.format("---%02d", day);
                if (reference != null) {
                    LocalDate d = reference.getDayOfMonth() >= day ? safeDay(reference, day)
                            : safeDay(reference.minusMonths(1), day);
                    normalized = d == null ? normalized : d.toString();
                }
                out.add(fact(FactType.DATE, text, m.start(1), m.end(), normalized));
            }
        }
        for (Anchors.Match m = anchors.relativeDay(RELATIVE_DAY); m.find(); ) {
            String word = m.group(1);
            out.add(fact(FactType.DATE, text, m.start(), m.end(), relative(word, reference)));
        }
    }

    private static void addDate(String text, MatchResult m, String year, String month, String day, List<Fact> out) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            out.add(fact(FactType.DATE, text, m.start(), m.end(), date.toString()));
        } catch (DateTimeException e) {
            // 2026.13.45 is no date
        }
    }

    private static MonthDay monthDay(String month, String day) {
        try {
            return MonthDay.of(Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDate resolve(MonthDay md, LocalDate reference) {
        LocalDate sameYear = md.isValidYear(reference.getYear()) ? md.atYear(reference.getYear())
                : md.atYear(reference.getYear() - 1);
        return sameYear.isAfter(reference) ? md.atYear(reference.getYear() - 1) : sameYear;
    }

    private static LocalDate safeDay(LocalDate month, int day) {
        try {
            return month.withDayOfMonth(day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String relative(String word, LocalDate reference) {
        if (reference == null) {
            return word;
        }
        return switch (word) {
            case "오늘", "금일" -> reference.toString();
            case "어제", "어젯밤", "전일" -> reference.minusDays(1).toString();
            case "그제", "그저께", "그젯밤" -> reference.minusDays(2).toString();
            case "내일" -> reference.plusDays(1).toString();
            case "모레" -> reference.plusDays(2).toString();
            case "작년", "지난해" -> String.valueOf(reference.getYear() - 1);
            case "올해", "금년" -> String.valueOf(reference.getYear());
            default -> word; // 지난주, 지난달, 엊그제: a span, not a day
        };
    }

    private static void times(String text, Anchors anchors, List<Fact> out) {
        for (Anchors.Match m = anchors.digits(TIME_KOREAN); m.find(); ) {
            int hour = Integer.parseInt(m.group(2));
            int minute = m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group(4) != null ? 30 : 0;
            String marker = m.group(1);
            if (hour > 24 || minute > 59 || (hour == 24 && marker == null)) {
                continue; // "24시 동물병원" is open all day, not a time
            }
            out.add(fact(FactType.TIME, text, m.start(), m.end(),
                    String.format("%02d:%02d", hour24(marker, hour), minute)));
        }
        for (Anchors.Match m = anchors.digits(TIME_COLON); m.find(); ) {
            out.add(fact(FactType.TIME, text, m.start(), m.end(),
                    String.format("%02d:%s", hour24(m.group(1), Integer.parseInt(m.group(2))), m.group(3))));
        }
    }

    private static int hour24(String marker, int hour) {
        if (marker == null) {
            return hour % 24;
        }
        return switch (marker) {
            case "오후", "저녁" -> hour < 12 ? hour + 12 : hour;
            case "밤" -> hour == 12 || hour == 24 ? 0 : hour < 5 ? hour : hour < 12 ? hour + 12 : hour;
            case "낮" -> hour < 7 ? hour + 12 : hour;
            default -> hour == 12 ? 0 : hour; // 오전, 새벽, 아침
        };
    }

    // --- amounts, plates, phones --------------------------------------------------------------------------------

    private static void amounts(String text, Anchors anchors, List<Fact> out) {
        for (Anchors.Match m = anchors.digits(AMOUNT); m.find(); ) {
            long won = KoreanNumbers.parse(m.group(1));
            if (won >= 0) {
                out.add(fact(FactType.AMOUNT, text, m.start(), m.end(), Long.toString(won)));
            }
        }
    }

    private static void plates(String text, Anchors anchors, List<Fact> out) {
        for (Anchors.Match m = anchors.digits(PLATE); m.find(); ) {
            String region = m.group(1) == null ? "" : m.group(1).strip();
            if (region.isEmpty() || m.group(2).length() == 2) { // regional plates have a two-digit class number
                out.add(fact(FactType.VEHICLE_PLATE, text, m.start(), m.end(),
                        region + m.group(2) + m.group(3) + m.group(4)));
            }
        }
    }

    private static void phones(String text, Anchors anchors, List<Fact> out) {
        for (Anchors.Match m = anchors.digits(PHONE); m.find(); ) {
            out.add(fact(FactType.PHONE_NUMBER, text, m.start(), m.end(),
                    m.group(1) + "-" + m.group(2) + "-" + m.group(3)));
        }
        for (Anchors.Match m = anchors.digits(PHONE_NATIONWIDE); m.find(); ) {
            out.add(fact(FactType.PHONE_NUMBER, text, m.start(), m.end(), m.group(1) + "-" + m.group(2)));
        }
    }

    // --- laws ---------------------------------------------------------------------------------------------------

    /** Laws in text order, so that 같은 법 / 동법 can refer to the one named before it. */
    private void laws(String text, Anchors anchors, List<Fact> out) {
        List<Fact> found = new ArrayList<>();
        for (Anchors.Match m = anchors.bracket(BRACKETED_LAW); m.find(); ) {
            String written = m.group(1).strip();
            String official = laws.official(written);
            String name = official != null ? official : written;
            found.add(fact(FactType.LAW, text, m.start(), m.end(), lawNormalized(name, m.group(2), m, 3)));
        }
        for (int end : lawNameEnds(text)) {
            knownLawEndingAt(text, end, found);
        }
        for (Anchors.Match m = anchors.digits(UNKNOWN_LAW_WITH_ARTICLE); m.find(); ) {
            String official = laws.official(m.group(1));
            found.add(fact(FactType.LAW, text, m.start(), m.end(),
                    lawNormalized(official != null ? official : m.group(1), m.group(2), m, 3)));
        }
        found = resolveOverlaps(found);
        // 같은 법 제5조: the law named last before it
        for (Anchors.Match m = anchors.digits(SAME_LAW); m.find(); ) {
            Fact previous = null;
            for (Fact f : found) {
                if (f.end() <= m.start() && !f.text().startsWith("같은") && !f.text().startsWith("동법")) {
                    previous = f;
                }
            }
            if (previous != null) {
                String name = baseLawName(previous.normalized());
                found.add(fact(FactType.LAW, text, m.start(), m.end(), lawNormalized(name, m.group(2), m, 3)));
            }
        }
        out.addAll(found);
    }

    /** Looks back from a 법/법률/조례/규칙/규정 ending for the longest known name (spaces ignored). */
    private void knownLawEndingAt(String text, int end, List<Fact> out) {
        StringBuilder reversed = new StringBuilder();
        int[] positions = new int[laws.longest() + 1];
        int i = end - 1;
        while (i >= 0 && reversed.length() < laws.longest()) {
            char c = text.charAt(i);
            if (c == '\n' || !(Character.isWhitespace(c) || c == '·' || c == 'ㆍ' || (c >= '가' && c <= '힣')
                    || Character.isDigit(c))) {
                break;
            }
            if (!Character.isWhitespace(c) && c != '·' && c != 'ㆍ') {
                positions[reversed.length()] = i;
                reversed.append(c);
            }
            i--;
        }
        String spaceless = reversed.reverse().toString();
        for (int len = spaceless.length(); len >= 2; len--) {
            String candidate = spaceless.substring(spaceless.length() - len);
            String official = laws.official(candidate);
            if (official == null) {
                continue;
            }
            int start = positions[len - 1];
            boolean boundary = start == 0 || !isHangul(text.charAt(start - 1));
            if (!boundary && len < 4) {
                continue; // 불법주차장법? a short name glued to a word is that word's tail
            }
            Matcher after = AFTER_LAW_NAME.matcher(text).region(end, text.length());
            after.lookingAt();
            out.add(fact(FactType.LAW, text, start, after.end(), lawNormalized(official, after.group(1), after, 2)));
            return;
        }
    }

    private static String lawNormalized(String name, String decree, MatchResult m, int articleGroup) {
        StringBuilder s = new StringBuilder(name);
        if (decree != null && !name.endsWith(decree)) {
            s.append(' ').append(decree);
        }
        if (m.group(articleGroup) != null) {
            s.append(" 제").append(m.group(articleGroup)).append('조');
            if (m.group(articleGroup + 1) != null) {
                s.append("의").append(m.group(articleGroup + 1));
            }
            if (m.group(articleGroup + 2) != null) {
                s.append('제').append(m.group(articleGroup + 2)).append('항');
            }
            if (m.group(articleGroup + 3) != null) {
                s.append('제').append(m.group(articleGroup + 3)).append('호');
            }
        }
        return s.toString();
    }

    /** "주차장법 시행령 제6조" → "주차장법": what 같은 법 refers to. */
    private static String baseLawName(String normalized) {
        String s = normalized.replaceFirst(" 제\\d.*$", "");
        return s.replaceFirst(" (시행령|시행규칙)$", "");
    }

    /** Where a 법/법률/조례/규칙/규정 ends that is not the start of another word (법원, 법인, 조례안, 규칙적 …). */
    private static List<Integer> lawNameEnds(String text) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int end;
            if (c == '법') {
                end = i + 1 < text.length() && text.charAt(i + 1) == '률' ? i + 2 : i + 1;
            } else if ((c == '례' && i > 0 && text.charAt(i - 1) == '조')
                    || ((c == '칙' || c == '정') && i > 0 && text.charAt(i - 1) == '규')) {
                end = i + 1;
            } else {
                continue;
            }
            if (end < text.length() && "원인적규령학무정안치칙관".indexOf(text.charAt(end)) >= 0) {
                continue;
            }
            ends.add(end);
        }
        return ends;
    }

    /** Whether the word before {@code start} (one space between) names a 시, 군 or 구: "파주시 금촌로", "양평군 양서면". */
    private static boolean afterCity(String text, int start) {
        int i = start - 1;
        if (i < 1 || text.charAt(i) != ' ') {
            return false;
        }
        char last = text.charAt(i - 1);
        return (last == '시' || last == '군' || last == '구') && i >= 2 && isHangul(text.charAt(i - 2));
    }

    // --- common -------------------------------------------------------------------------------------------------

    private static Fact fact(FactType type, String text, int start, int end, String normalized) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Fact(type, text.substring(start, end), start, end, normalized);
    }

    private static boolean isHangul(char c) {
        return c >= '가' && c <= '힣';
    }

    /** Longest first (ties: the more specific type, in {@link FactType} order); then text order. */
    static List<Fact> resolveOverlaps(List<Fact> candidates) {
        List<Fact> byStrength = new ArrayList<>(candidates);
        byStrength.sort(Comparator.comparingInt((Fact f) -> f.end() - f.start()).reversed()
                .thenComparing(f -> priority(f.type())).thenComparingInt(Fact::start));
        List<Fact> kept = new ArrayList<>();
        for (Fact f : byStrength) {
            boolean overlaps = false;
            for (Fact k : kept) {
                if (f.start() < k.end() && k.start() < f.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Fact::start));
        return kept;
    }

    private static int priority(FactType type) {
        return switch (type) {
            case LAW -> 0;
            case ROAD_ADDRESS -> 1;
            case LOT_ADDRESS -> 2;
            case VEHICLE_PLATE -> 3;
            case PHONE_NUMBER -> 4;
            case DATE -> 5;
            case TIME -> 6;
            case AMOUNT -> 7;
            case LANDMARK -> 8;
            case DONG -> 9;
        };
    }
}
