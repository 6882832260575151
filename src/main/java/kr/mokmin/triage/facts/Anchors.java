package kr.mokmin.triage.facts;

import java.util.Arrays;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a text each kind of fact can be at all, so that the patterns run over a few short windows instead of
 * every position: Java's regex engine tries a pattern at each index, which over a 1,200-character complaint and
 * twenty patterns cost milliseconds. Numbers, dates, times, plates, phones and articles need a digit; 동 names a
 * 동; landmarks one of their suffixes; relative dates one of their last syllables. Lookarounds still see the whole
 * text (transparent bounds), so a window changes no match, only where the engine looks.
 */
final class Anchors {

    /** Characters a fact can reach to the left of its first digit (a road name, 오전, a law name before 제N조). */
    private static final int DIGIT_LEFT = 32;
    private static final int DIGIT_RIGHT = 16;
    private static final String LANDMARK_SUFFIXES[] = {"초등학교", "중학교", "고등학교", "대학교", "아파트", "오피스텔", "빌라",
        "공원", "역", "사거리", "삼거리", "오거리", "교차로", "시장", "주민센터", "행정복지센터", "정류장", "정류소", "터미널", "도서관",
        "경로당", "어린이집", "유치원", "체육관", "복지관", "파출소", "지구대", "소방서", "우체국", "시청", "구청", "군청", "육교",
        "터널", "지하차도", "주차장", "병원", "보건소", "빌딩", "상가", "광장", "마트", "대교"};
    private static final String RELATIVE_LAST = "늘일제밤께레주달해년말";
    /** Last characters of the landmark suffixes: only there is a suffix worth comparing. */
    private static final boolean[] LANDMARK_LAST = new boolean[Character.MAX_VALUE + 1];

    static {
        for (String suffix : LANDMARK_SUFFIXES) {
            LANDMARK_LAST[suffix.charAt(suffix.length() - 1)] = true;
        }
    }

    private final String text;
    private final int[] digits;

    private Anchors(String text, int[] digits) {
        this.text = text;
        this.digits = digits;
    }

    static Anchors of(String text) {
        Windows w = new Windows(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                int start = i;
                while (i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                    i++;
                }
                w.add(start - DIGIT_LEFT, i + 1 + DIGIT_RIGHT);
            }
        }
        return new Anchors(text, w.toArray());
    }

    Match digits(Pattern p) {
        return new Match(p.matcher(text), digits);
    }

    Match dong(Pattern p) {
        return new Match(p.matcher(text), around(c -> c == '동', 9, 4));
    }

    Match eupMyeon(Pattern p) {
        return new Match(p.matcher(text), around(c -> c == '읍' || c == '면', 5, 1));
    }

    Match relativeDay(Pattern p) {
        return new Match(p.matcher(text), around(c -> RELATIVE_LAST.indexOf(c) >= 0, 6, 1));
    }

    Match bracket(Pattern p) {
        return new Match(p.matcher(text), around(c -> c == '「', 0, 90));
    }

    /** Windows ending at a landmark suffix, reaching back as far as a name can (14 characters). */
    Match landmark(Pattern p) {
        Windows w = new Windows(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!LANDMARK_LAST[text.charAt(i)]) {
                continue;
            }
            for (String suffix : LANDMARK_SUFFIXES) {
                int start = i - suffix.length() + 1;
                if (start >= 0 && text.charAt(i) == suffix.charAt(suffix.length() - 1)
                        && text.startsWith(suffix, start)) {
                    w.add(start - 14, i + 1);
                    break;
                }
            }
        }
        return new Match(p.matcher(text), w.toArray());
    }

    private interface CharTest {
        boolean test(char c);
    }

    private int[] around(CharTest anchor, int left, int right) {
        Windows w = new Windows(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (anchor.test(text.charAt(i))) {
                w.add(i - left, i + 1 + right);
            }
        }
        return w.toArray();
    }

    /** Merged [start, end) pairs, clipped to the text. */
    private static final class Windows {
        private final int length;
        private int[] pairs = new int[16];
        private int size;

        Windows(int length) {
            this.length = length;
        }

        void add(int start, int end) {
            start = Math.max(0, start);
            end = Math.min(length, end);
            if (size > 0 && start <= pairs[size - 1]) {
                pairs[size - 1] = Math.max(pairs[size - 1], end);
                return;
            }
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = start;
            pairs[size++] = end;
        }

        int[] toArray() {
            return Arrays.copyOf(pairs, size);
        }
    }

    /** A matcher that finds matches window by window. */
    static final class Match implements MatchResult {
        private final Matcher m;
        private final int[] windows;
        private int w;

        Match(Matcher m, int[] windows) {
            this.m = m.useTransparentBounds(true).useAnchoringBounds(false);
            this.windows = windows;
            if (windows.length > 0) {
                m.region(windows[0], windows[1]);
            }
        }

        boolean find() {
            while (w < windows.length) {
                if (m.find()) {
                    return true;
                }
                w += 2;
                if (w < windows.length) {
                    m.region(windows[w], windows[w + 1]);
                }
            }
            return false;
        }

        @Override
        public int start() {
            return m.start();
        }

        @Override
        public int start(int group) {
            return m.start(group);
        }

        @Override
        public int end() {
            return m.end();
        }

        @Override
        public int end(int group) {
            return m.end(group);
        }

        @Override
        public String group() {
            return m.group();
        }

        @Override
        public String group(int group) {
            return m.group(group);
        }

        @Override
        public int groupCount() {
            return m.groupCount();
        }
    }
}
