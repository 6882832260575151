package kr.mokmin.triage.pii;

import java.util.List;
import java.util.Set;

/**
 * Person names, only where the text says a name follows or precedes: a label ({@code 성명: 홍길동},
 * {@code 신청인 김철수}), a self-introduction ({@code 저는 홍길동입니다}) or a title after the name ({@code 이영희 주무관},
 * {@code 홍길동 씨}) or a rank before it ({@code 감사팀장 윤서준}). A name is a common surname (one syllable, or two
 * such as 남궁) plus one or two syllables, and not one of the role words that take the same places
 * ({@code 저는 주민입니다}). Only after 성명/이름/성함 may it have two syllables: elsewhere two-syllable words fill
 * the same slots far more often than two-syllable names ({@code 허위 과장 광고}, {@code 하지만 원장님}).
 *
 * <p>Officials named in a complaint are masked like anyone else: the complaint is about what they did, and the
 * name with the department identifies them. Ranks used as cues are those of civil servants and staff (주무관,
 * 팀장 …); 대통령, 의원, 장관 and 구청장 are not cues, as names of holders of elected or public office in that
 * role are public.
 */
final class PersonNameDetector implements PiiDetector {

    /** Common surnames: the first ~70 by population, which cover nearly everyone (통계청 2015). */
    private static final String SURNAMES = "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공"
            + "현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁";
    private static final Set<String> DOUBLE_SURNAMES = Set.of("남궁", "황보", "제갈", "선우", "독고", "사공", "서문");

    private static final String[] LABELS = {"성명", "이름", "성함", "신청인", "민원인", "작성자", "신고인", "대표자", "보호자",
        "예금주", "수취인", "담당자", "세대주", "대리인", "받는분", "받는 분", "보내는분", "보내는 분"};
    private static final String[] INTRODUCTIONS = {"저는", "제 이름은", "본인은", "나는"};
    /**
     * Titles and ranks that follow a name ({@code 이영희 주무관}, {@code 박민호과장}, {@code 홍길동씨}, a letter's
     * {@code 홍길동 올림}). 차장 and 사장 are left out: 주차장 and 공사장 end in them.
     */
    private static final String[] TITLES = {"주무관", "씨", "님", "팀장", "과장", "계장", "주사보", "주사", "실무관", "담당관",
        "반장", "소장", "동장", "국장", "부장", "실장", "대리", "대표", "원장", "올림", "드림"};
    /** Ranks that also come before a name ({@code 감사팀장 윤서준}). */
    private static final String[] RANKS_BEFORE = {"주무관", "팀장", "과장", "계장", "실무관", "담당관", "동장", "국장", "부장",
        "실장"};
    /**
     * Words right before a name that make it a public figure's in that role (중구청장 홍길동님, 가수 …씨, a party
     * name, 자유한국당의 …) or a deceased person's (故, 고): not personal information under 개인정보 보호법 제2조, so not masked.
     */
    private static final String[] PUBLIC_OFFICES = {"구청장", "시장", "군수", "도지사", "대통령", "의원", "장관", "총리", "청장",
        "교육감", "가수", "배우", "아나운서", "방송인", "개그맨", "기자", "앵커", "故", "한국당", "민주당", "정의당", "의당", "미래당",
        "민중당", "자한당", "공화당", "평화당", "애국당", "한국당의", "민주당의"};
    /** A surname plus one of these is a way of addressing someone (윤회장님, 김과장), not a name. */
    private static final Set<String> TITLE_WORDS = Set.of("회장", "단장", "사장", "과장", "부장", "팀장", "원장", "실장", "소장",
            "국장", "계장", "차장", "반장", "이사", "대표", "선생", "기사", "교수", "박사", "목사", "장로", "집사", "권사", "총장",
            "관장", "감독", "코치", "작가", "기자", "주사", "대리", "사원", "씨", "군", "양", "모씨", "모", "후보", "의원", "군수",
            "선장", "점장", "지사", "검사", "판사", "처장", "청장", "시장", "위원", "변호사");

    private static final String[] INTRO_ENDINGS = {"입니다", "이고", "이며", "이에요", "예요", "이라고", "라고", "인데", "이라는",
        "라는", "이구요", "이예요"};
    private static final String[] LABEL_ENDINGS = {"입니다", "이고", "이며", "이에요", "예요", "이라고", "라고", "씨", "님",
        "주무관", "이", "가", "은", "는", "의", "께서", "에게", "과", "와", "이랑", "도", "을", "를", "외"};
    /** Words a cue is often followed by that look like a surname + given name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "주민", "구민", "시민", "국민", "주부", "공무원", "민원", "민원인", "신청인", "고객", "학생", "학부모", "회사원",
            "직장인", "주인", "집주인", "건물주", "세입자", "임차인", "임대인", "소유자", "관리자", "운전자", "보행자", "장애인",
            "노인", "엄마", "아빠", "부모", "남편", "아내", "아들", "남자", "여자", "본인", "당사자", "입주민", "입주자",
            "이웃", "우리", "저희", "여러분", "모두", "정말", "진짜", "항상", "이번", "이곳", "이제", "이미", "이상", "이후",
            "이전", "이런", "이유", "이용자", "조금", "최근", "정도", "정상", "정부", "한번", "한국", "오늘", "오후", "오전",
            "서울", "신고", "신청", "안전", "전화", "전혀", "유지", "문의", "문제", "허가", "노력", "하루", "차량", "주차",
            "주변", "우선", "구청", "나중", "지금", "지역", "지난", "원래", "방문", "공사", "현재", "현장", "함께", "여기",
            "도로", "소음", "선생", "설치", "마을", "연락", "위치", "기사", "반드시", "인근", "제가", "모든", "성명", "이름",
            "성함", "담당", "담당자", "해당", "민원인이", "주민입니다", "무명", "미상", "없음", "비공개", "익명", "임시", "이씨",
            "김씨", "박씨", "최씨", "정씨", "구민입", "지금은", "정말로", "한번도", "강아지", "고양이", "주차장", "관리인",
            "관리소", "관리사무소", "임원", "조합원", "조합장", "회장", "사장", "원장", "이사", "전임", "후임", "신임", "동료",
            "직원", "공익", "경비", "경찰", "소방", "기관", "위원", "의원", "국회", "오래", "최선", "성실", "정확", "신속",
            "우리집", "저희집", "이사장", "부부", "남매", "형제", "자매", "장남", "장녀", "손자", "손녀", "조카", "고모", "이모",
            "삼촌", "할머니", "할아버지", "어머니", "아버지", "장모", "장인", "시어머니", "시아버지", "구청장", "주무관", "시청장",
            "군청장", "구의원", "시의원", "도의원", "공무원님", "유치원", "변호사", "조차", "마저", "까지", "부터",
            "소속", "직위", "직급", "연락처", "주소", "노동자", "근로자", "고소인", "방관자", "가해자", "피해자", "신고자",
            "제보자", "목격자", "당사자인");
    /**
     * Last syllables that end verbs, particles, organisations and professions (나타난, 명의로, 조성과, 인천시,
     * 노조위, 노무사, 조사관, 정규직), hardly ever a given name.
     */
    private static final String NAME_BREAKERS = "는을를의에된할던들께며면게요다까과팀청시군날위법고한어니데사관장로스당총소체회직부모간편글만서가난";

    /** What a cue word says about where the name is. */
    private enum Kind { LABEL, INTRODUCTION, TITLE, RANK }

    private record Cue(String word, Kind kind) {
    }

    /** The cues by their first syllable, so one pass over the text finds them all. */
    private static final Cue[][] CUES_BY_FIRST = new Cue[0xD7A4 - 0xAC00][];

    static {
        add(LABELS, Kind.LABEL);
        add(INTRODUCTIONS, Kind.INTRODUCTION);
        add(TITLES, Kind.TITLE);
        add(RANKS_BEFORE, Kind.RANK);
    }

    private static void add(String[] words, Kind kind) {
        for (String w : words) {
            int i = w.charAt(0) - 0xAC00;
            Cue[] old = CUES_BY_FIRST[i] == null ? new Cue[0] : CUES_BY_FIRST[i];
            Cue[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = new Cue(w, kind);
            CUES_BY_FIRST[i] = grown;
        }
    }

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        String t = text.text;
        for (int at = 0; at < t.length(); at++) {
            char c = t.charAt(at);
            if (!PiiText.isHangul(c)) {
                continue;
            }
            Cue[] cues = CUES_BY_FIRST[c - 0xAC00];
            if (cues == null) {
                continue;
            }
            for (Cue cue : cues) {
                if (t.startsWith(cue.word(), at)) {
                    found(t, at, cue, out);
                }
            }
        }
    }

    private static void found(String t, int at, Cue cue, List<Candidate> out) {
        String word = cue.word();
        int after = at + word.length();
        switch (cue.kind()) {
            case LABEL -> {
                if (at > 0 && PiiText.isHangul(t.charAt(at - 1)) && word.length() < 3) {
                    return; // 개명 or 동명이인 hold 명/이름 but are no label
                }
                boolean nameWord = word.equals("성명") || word.equals("이름") || word.equals("성함");
                if (after < t.length() && PiiText.isHangul(t.charAt(after))
                        && !(nameWord && "은는이".indexOf(t.charAt(after)) >= 0)) {
                    return; // 담당자는 …, 보호자인양, 성명서, 이름표: a sentence or a longer word goes on
                }
                afterCue(t, after, true, nameWord, nameWord ? 0.9 : 0.8, out);
            }
            case INTRODUCTION -> {
                if (at == 0 || !PiiText.isHangul(t.charAt(at - 1))) {
                    afterCue(t, after, false, false, 0.8, out);
                }
            }
            case TITLE -> beforeTitle(t, at, word, out);
            case RANK -> {
                if (after < t.length() && t.charAt(after) == ' ') {
                    afterCue(t, after, true, false, 0.7, out);
                }
            }
        }
    }

    /** A name right after a label or an introduction; labels accept a colon or a topic particle in between. */
    private static void afterCue(String t, int p, boolean label, boolean allowTwo, double confidence,
            List<Candidate> out) {
        int n = t.length();
        while (p < n && t.charAt(p) == ' ') {
            p++;
        }
        if (label && p < n && (t.charAt(p) == ':' || t.charAt(p) == '=' || t.charAt(p) == '('
                || t.charAt(p) == '은' || t.charAt(p) == '는' || t.charAt(p) == '이')) {
            p++;
            while (p < n && t.charAt(p) == ' ') {
                p++;
            }
        }
        int end = p;
        while (end < n && PiiText.isHangul(t.charAt(end))) {
            end++;
        }
        if (end - p < 2) {
            return;
        }
        for (int len : new int[] {3, 2, 4}) {
            if (p + len > end || (len == 2 && !allowTwo) || !isName(t, p, p + len) || afterPublicOffice(t, p)) {
                continue;
            }
            if (p + len == end ? label : endsWithOneOf(t, p + len, end, label ? LABEL_ENDINGS : INTRO_ENDINGS)) {
                out.add(new Candidate(PiiType.PERSON_NAME, p, p + len, confidence));
                return;
            }
        }
    }

    /** A name right before a title: {@code 이영희 주무관}, {@code 홍길동씨}. */
    private static void beforeTitle(String t, int at, String title, List<Candidate> out) {
        int after = at + title.length();
        if (after < t.length() && PiiText.isHangul(t.charAt(after)) && "님께이은는의과와도에한을를가으".indexOf(t.charAt(after)) < 0) {
            return; // 과장된, 씨앗: the title is part of a longer word
        }
        int end = at;
        boolean glued = true;
        if (end > 0 && t.charAt(end - 1) == ' ') {
            end--;
            glued = false;
        }
        int start = end;
        while (start > 0 && PiiText.isHangul(t.charAt(start - 1)) && end - start < 5) {
            start--;
        }
        if (start > 0 && PiiText.isHangul(t.charAt(start - 1))) {
            return;
        }
        int len = end - start;
        if (len >= 3 && len <= 4 && isName(t, start, end) && !afterPublicOffice(t, start)) {
            out.add(new Candidate(PiiType.PERSON_NAME, start, end, glued ? 0.7 : 0.8));
        }
    }

    /** True when a public office or role ends right before {@code start}, after at most one space. */
    private static boolean afterPublicOffice(String t, int start) {
        int end = start > 0 && t.charAt(start - 1) == ' ' ? start - 1 : start;
        for (String office : PUBLIC_OFFICES) {
            if (end >= office.length() && t.startsWith(office, end - office.length())) {
                return true;
            }
        }
        // 고 장자연 씨: 고 as a word of its own before the name
        return end == start - 1 && end >= 1 && t.charAt(end - 1) == '고' && (end == 1 || !PiiText.isHangul(t.charAt(end - 2)));
    }

    private static boolean endsWithOneOf(String t, int from, int to, String[] endings) {
        for (String e : endings) {
            if (to - from >= e.length() && t.startsWith(e, from)) {
                return true;
            }
        }
        return false;
    }

    static boolean isName(String t, int start, int end) {
        int len = end - start;
        String token = t.substring(start, end);
        if (NOT_NAMES.contains(token) || NAME_BREAKERS.indexOf(t.charAt(end - 1)) >= 0
                || TITLE_WORDS.contains(token.substring(1)) || (len > 2 && NOT_NAMES.contains(token.substring(0, 2)))) {
            return false;
        }
        if (len >= 3 && DOUBLE_SURNAMES.contains(token.substring(0, 2))) {
            return true;
        }
        return len <= 3 && SURNAMES.indexOf(token.charAt(0)) >= 0;
    }

    /** Characters to keep: the surname (one or two syllables) and, in a three-syllable name, the last one. */
    static boolean keep(String name, int i) {
        int surname = name.length() >= 3 && DOUBLE_SURNAMES.contains(name.substring(0, 2)) ? 2 : 1;
        if (i < surname) {
            return true;
        }
        return surname == 1 && name.length() >= 3 && i == name.length() - 1;
    }
}
