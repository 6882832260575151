package kr.mokmin.triage.pii;

import java.util.List;
import java.util.Set;

/**
 * Person names, only where the text says a name follows or precedes: a label ({@code 성명: 홍길동},
 * {@code 신청인 김철수}), a self-introduction ({@code 저는 홍길동입니다}) or a title after the name ({@code 이영희 주무관},
 * {@code 홍길동 씨}). A name is a common surname (one syllable, or two such as 남궁) plus one or two syllables, and
 * not one of the role words that take the same places ({@code 저는 주민입니다}).
 *
 * <p>Officials named in a complaint are masked like anyone else: the complaint is about what they did, and the
 * name with the department identifies them. Ranks used as cues are those of civil servants and staff (주무관,
 * 팀장 …); 대통령, 의원, 장관 and 구청장 are not cues, as names of holders of elected or public office in that
 * role are public.
 */
final class PersonNameDetector implements PiiDetector {

    /** Common surnames: the first ~70 by population, which cover nearly everyone (통계청 2015). */
    private static final String SURNAMES = "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공"
            + "현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국";
    private static final Set<String> DOUBLE_SURNAMES = Set.of("남궁", "황보", "제갈", "선우", "독고", "사공", "서문");

    private static final String[] LABELS = {"성명", "이름", "성함", "신청인", "민원인", "작성자", "신고인", "대표자", "보호자",
        "예금주", "수취인", "담당자", "세대주", "피해자", "대리인", "받는분", "받는 분", "보내는분", "보내는 분"};
    private static final String[] INTRODUCTIONS = {"저는", "제 이름은", "본인은", "나는"};
    /** Ranks that follow a name; those that also end department words (시설팀장) need a space before. */
    private static final String[] TITLES_GLUED = {"주무관", "씨"};
    private static final String[] TITLES_SPACED = {"팀장", "과장", "계장", "주사보", "주사", "실무관", "담당관", "반장", "소장",
        "동장", "국장", "대리", "기사님", "선생님"};

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
            "삼촌", "할머니", "할아버지", "어머니", "아버지", "장모", "장인", "시어머니", "시아버지");
    private static final String NAME_BREAKERS = "는을를의에된할던들께며면게요다까";

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        String t = text.text;
        for (String label : LABELS) {
            for (int at = t.indexOf(label); at >= 0; at = t.indexOf(label, at + 1)) {
                if (at > 0 && PiiText.isHangul(t.charAt(at - 1)) && label.length() < 3) {
                    continue; // 개명 or 동명이인 hold 명/이름 but are no label
                }
                afterCue(t, at + label.length(), true, label.equals("성명") || label.equals("이름")
                        || label.equals("성함") ? 0.9 : 0.8, out);
            }
        }
        for (String intro : INTRODUCTIONS) {
            for (int at = t.indexOf(intro); at >= 0; at = t.indexOf(intro, at + 1)) {
                if (at == 0 || !PiiText.isHangul(t.charAt(at - 1))) {
                    afterCue(t, at + intro.length(), false, 0.8, out);
                }
            }
        }
        for (String title : TITLES_GLUED) {
            for (int at = t.indexOf(title); at >= 0; at = t.indexOf(title, at + 1)) {
                beforeTitle(t, at, title, true, out);
            }
        }
        for (String title : TITLES_SPACED) {
            for (int at = t.indexOf(title); at >= 0; at = t.indexOf(title, at + 1)) {
                beforeTitle(t, at, title, false, out);
            }
        }
    }

    /** A name right after a label or an introduction; labels accept a colon or a topic particle in between. */
    private static void afterCue(String t, int p, boolean label, double confidence, List<Candidate> out) {
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
            if (p + len > end || !isName(t, p, p + len)) {
                continue;
            }
            if (p + len == end ? label : endsWithOneOf(t, p + len, end, label ? LABEL_ENDINGS : INTRO_ENDINGS)) {
                out.add(new Candidate(PiiType.PERSON_NAME, p, p + len, confidence));
                return;
            }
        }
    }

    /** A name right before a title: {@code 이영희 주무관}, {@code 홍길동씨}. */
    private static void beforeTitle(String t, int at, String title, boolean glued, List<Candidate> out) {
        int after = at + title.length();
        if (after < t.length() && PiiText.isHangul(t.charAt(after)) && "님께이은는의과와도에한을를가으".indexOf(t.charAt(after)) < 0) {
            return; // 과장된, 씨앗: the title is part of a longer word
        }
        int end = at;
        if (end > 0 && t.charAt(end - 1) == ' ') {
            end--;
        } else if (!glued) {
            return;
        }
        int start = end;
        while (start > 0 && PiiText.isHangul(t.charAt(start - 1)) && end - start < 5) {
            start--;
        }
        if (start > 0 && PiiText.isHangul(t.charAt(start - 1))) {
            return;
        }
        int len = end - start;
        if (len >= 2 && len <= 4 && isName(t, start, end)) {
            out.add(new Candidate(PiiType.PERSON_NAME, start, end, title.equals("씨") ? 0.7 : 0.8));
        }
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
        if (NOT_NAMES.contains(token) || NAME_BREAKERS.indexOf(t.charAt(end - 1)) >= 0) {
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
