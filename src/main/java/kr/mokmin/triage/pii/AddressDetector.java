package kr.mokmin.triage.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detailed addresses, the ones that point at a home: a unit (동/호) after a road address ({@code 시청로 50,
 * 101동 1203호}), after a 지번 with 번지 ({@code 금촌동 123-4번지 2층 201호}), or after
 * an apartment or villa name ({@code 한빛아파트 101동 1203호}); and a bare {@code 101동 1203호}, with less
 * confidence. Every one ends in a 호: a 동 alone ({@code 푸르지오 104동 옆}) is a building of a hundred homes and
 * a landmark in complaints. A road address or 지번 alone ({@code 시청로 50}, {@code 123-45}) is a place, not a person: it stays
 * readable, because officers and the fact extractor need to know where the pothole is.
 *
 * <p>The search starts from each number followed by 동 or 호, so text without one costs nothing here, and tries
 * the address pattern only at the starts of the words before it.
 */
final class AddressDetector implements PiiDetector {

    private static final String APT = "[가-힣A-Za-z0-9]*(?:아파트|APT|apt|빌라|맨션|오피스텔|타운|하이츠|빌리지|주공|단지|팰리스|캐슬"
            + "|자이|푸르지오|래미안|아이파크|힐스테이트|편한세상|더샵|빌)";
    /** A household: a 호, with its 동 when there is one ({@code 101동 1203호}, {@code B동 302호}). */
    private static final String UNIT = "(?:(?:\\d{1,4}|[A-Za-z]) ?동 ?)?\\d{1,5} ?호(?![선기점차라])";
    private static final Pattern FULL = Pattern.compile(
            "(?:[가-힣A-Za-z][가-힣A-Za-z0-9]*(?:로|길)(?: ?\\d{1,4}번?[가길])? ?(?<building>\\d{1,5}(?:-\\d{1,4})?)"
                    + "|(?<lot>(?:산 ?)?\\d{1,5}(?:-\\d{1,5})?) ?번지)"
                    + "[ ,]*(?:\\([^()\\n]{1,25}\\)[ ,]*)?(?:" + APT + "[ ,]*)?(?:\\d{1,2}층[ ,]*)?(?<unit>" + UNIT + ")"
                    + "|" + APT + " ?(?<aptUnit>" + UNIT + ")");
    private static final Pattern UNIT_ONLY = Pattern.compile(
            "(?<![가-힣A-Za-z0-9-])(?:\\d{2,4}|[A-Za-z]) ?동 ?\\d{2,5} ?호(?![선기점차라])");
    private static final int LOOK_BACK = 70;

    @Override
    public void detect(PiiText text, List<Candidate> out) {
        String t = text.text;
        Matcher full = null;
        Matcher unitOnly = null;
        int covered = -1;
        for (int c = 0; c < text.chunkCount(); c++) {
            int s = text.chunkStart(c);
            int e = text.chunkEnd(c);
            int next = e < t.length() && t.charAt(e) == ' ' ? e + 1 : e;
            if (next >= t.length() || (t.charAt(next) != '동' && t.charAt(next) != '호') || e <= covered) {
                continue;
            }
            if (full == null) {
                full = FULL.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
                unitOnly = UNIT_ONLY.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
            }
            int to = Math.min(t.length(), e + 14);
            boolean found = false;
            // The prefix starts at a word: try each word start in the look-back, leftmost (longest) first.
            for (int p = Math.max(0, s - LOOK_BACK); p <= s && !found; p++) {
                if (p > 0 && Character.isLetterOrDigit(t.charAt(p - 1)) || !Character.isLetterOrDigit(t.charAt(p))) {
                    continue;
                }
                full.region(p, to);
                if (full.lookingAt() && full.end() > s) {
                    int maskFrom = full.start("building") >= 0 ? full.start("building")
                            : full.start("lot") >= 0 ? full.start("lot")
                            : full.start("unit") >= 0 ? full.start("unit") : full.start("aptUnit");
                    out.add(new Candidate(PiiType.ADDRESS, full.start(), full.end(), 0.9, maskFrom));
                    covered = full.end();
                    found = true;
                }
            }
            if (!found) {
                unitOnly.region(Math.max(0, s - 4), to);
                if (unitOnly.find()) {
                    out.add(new Candidate(PiiType.ADDRESS, unitOnly.start(), unitOnly.end(), 0.75));
                    covered = unitOnly.end();
                }
            }
        }
    }
}
