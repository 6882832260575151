package kr.mokmin.triage.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import kr.mokmin.text.KoreanText;

/**
 * One line from the complaint's own words: the title when it says what the complaint is about, otherwise the
 * sentence that carries the request (…해 주세요, 바랍니다, 요청, 시정), without greetings and boilerplate. Plain Java,
 * thread-safe.
 */
public final class ExtractiveSummarizer implements Summarizer {

    /** Greetings and formulas that say nothing about the matter; removed wherever they stand. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "안녕하(?:세요|십니까)|수고\\s?(?:많으)?(?:하십니다|하세요|하시는|많으십니다|많으세요)|고생\\s?(?:많으|하)\\S*"
                    + "|업무\\s?(?:보시느라|보느라|하시느라)|감사(?:합니다|드립니다)|고맙습니다|좋은\\s?하루\\s?되세요"
                    + "|다름이\\s?아니(?:라|오라|고)|(?:민원|문의|건의|질의)(?:을|를)?\\s?(?:드립니다|드려요|합니다|올립니다|드리고자\\s?합니다)"
                    + "|※\\s?첨부\\s?파일\\s?:?.*|첨부\\s?파일\\s?:.*|[\\w\\-]+\\.(?:jpe?g|png|gif|pdf|hwp|hwpx|docx?|heic)",
            Pattern.CASE_INSENSITIVE);
    /** Self-introductions: "○○동에 사는 주민입니다". */
    private static final Pattern INTRODUCTION = Pattern.compile(
            "(?:주민|시민|구민|입주민|거주자|학부모|사람|민원인|운전자)(?:입니다|이에요|인데요)\\.?$");
    /** Words that make a title say nothing by themselves. */
    private static final Pattern GENERIC_TITLE_WORDS = Pattern.compile(
            "민원|문의|건의|요청|신고|질문|질의|관련|사항|드립니다|드려요|합니다|입니다|있습니다|해\\s?주세요|부탁|불편|제목|없음|긴급"
                    + "|안녕하세요|궁금\\S*|하고\\s?싶\\S*|합시다|해요|\\s|[^가-힣A-Za-z0-9]");
    private static final Pattern REQUEST = Pattern.compile(
            "주(?:세요|십시오|시기|시길|셨으면|실\\s?수)|줬으면|바랍니다|바람|요청|시정|조치|부탁(?:드립니다|합니다|드려요)|원합니다"
                    + "|필요합니다|개선|단속|설치|철거|수거|처리|해결|검토|건의|제안|촉구|좋겠습니다|주시기|해\\s?달라");
    private static final Pattern QUESTION = Pattern.compile("\\?|나요|까요|는지요|는지|습니까|할까|인가요");
    private static final Pattern PROBLEM = Pattern.compile("불편|문제|위험|피해|고장|소음|악취|불법|파손|방치|쓰레기|주차");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+|\\n+");

    @Override
    public String summarize(String title, String body, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2");
        }
        String cleanTitle = oneLine(KoreanText.normalize(title));
        if (informative(cleanTitle)) {
            return cut(cleanTitle, maxChars);
        }
        List<String> sentences = sentences(KoreanText.normalize(body));
        if (sentences.isEmpty()) {
            return cut(cleanTitle, maxChars);
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < sentences.size(); i++) {
            double score = score(sentences.get(i), i);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        String line = sentences.get(best);
        // "시정 바랍니다." alone says what is wanted, not about what: put the opening sentence before it
        if (hangulCount(line) < 12 && best > 0) {
            line = sentences.get(0) + " … " + line;
        }
        return cut(line, maxChars);
    }

    /** A title is informative when something is left after the generic words (민원, 문의, 드립니다 …). */
    static boolean informative(String title) {
        if (title.length() < 4) {
            return false;
        }
        String rest = GENERIC_TITLE_WORDS.matcher(title).replaceAll("");
        return hangulCount(rest) >= 4;
    }

    private static List<String> sentences(String body) {
        List<String> out = new ArrayList<>();
        for (String raw : SENTENCE_END.split(body)) {
            String s = oneLine(BOILERPLATE.matcher(raw).replaceAll(" "));
            s = s.replaceFirst("^[\\s,.!~^]+", "").strip();
            if (hangulCount(s) < 4 || INTRODUCTION.matcher(s).find()) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static double score(String sentence, int index) {
        double score = 0;
        if (REQUEST.matcher(sentence).find()) {
            score += 3;
        }
        boolean request = score > 0;
        if (QUESTION.matcher(sentence).find()) {
            score += 2;
        }
        if (PROBLEM.matcher(sentence).find()) {
            score += 1;
        }
        if (index == 0) {
            score += 1;
        }
        int hangul = hangulCount(sentence);
        if (hangul < 8 && !request) {
            score -= 2; // a short request stays a candidate: it gets the opening sentence put before it
        } else if (hangul > 150) {
            score -= 1;
        }
        return score - index * 0.05; // earlier wins ties: complaints state the matter first
    }

    /** At most {@code maxChars}; a longer line is cut at a word boundary and ends with "…". */
    static String cut(String line, int maxChars) {
        String s = line.strip();
        if (s.length() <= maxChars) {
            return s;
        }
        int limit = maxChars - 1;
        int space = s.lastIndexOf(' ', limit);
        int end = space >= limit / 2 ? space : limit;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end).stripTrailing().replaceFirst("[,.·:;\\-–—(]+$", "") + "…";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static int hangulCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '가' && c <= '힣') {
                n++;
            }
        }
        return n;
    }
}
