package kr.mokmin.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads Hanja as Hangul, one character at a time: 大型廢棄物 → 대형폐기물, 理由 → 이유, 管理 → 관리.
 *
 * <p>nori's own Hanja support ({@code KoreanReadingFormFilter}) only knows the Hanja words of its dictionary
 * and misreads the rest (廢棄物 → 기물, 收去 → 수/去), while old ordinances and registers are written in mixed
 * script (국한문 혼용). A per-character reading is right for the vast majority of Sino-Korean words, because
 * almost every character has one standard reading; the exceptions (不 before ㄷ/ㅈ read 부, 樂 read 악 in 音樂)
 * cost a little recall on those words only.
 *
 * <p>The table ({@code hanja_readings.tsv}, from Unihan kHangul) gives the original sound; the initial-sound
 * rule (두음법칙) turns it into the word-initial one: ㄹ → ㄴ/ㅇ and ㄴ → ㅇ before ㅣ-like vowels (理由 이유,
 * 女子 여자, 勞動 노동) but not inside a word (管理 관리). A Hanja is word-initial when the character before it
 * is neither Hanja nor Hangul.
 */
public final class HanjaReadings {

    private static final String RESOURCE = "hanja_readings.tsv";
    private static final char[] READINGS = load();

    private static final int HANGUL_BASE = 0xAC00;
    private static final int HANGUL_LAST = 0xD7A3;
    private static final int INITIAL_N = 2;
    private static final int INITIAL_R = 5;
    private static final int INITIAL_SILENT = 11;

    private HanjaReadings() {
    }

    /** The Hangul reading of a Hanja as a word's first syllable, or the character itself if it is not Hanja. */
    public static char read(char c, char previous) {
        char reading = READINGS[c];
        if (reading == 0) {
            return c;
        }
        return isWordInitial(previous) ? initialSoundRule(reading) : reading;
    }

    /** The text with every Hanja replaced by its reading; same length, so offsets stay valid. */
    public static String toHangul(String text) {
        if (text == null) {
            return null;
        }
        char[] out = text.toCharArray();
        char previous = ' ';
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            out[i] = read(c, previous);
            previous = c;
        }
        return new String(out);
    }

    /** Whether {@code c} has a reading (a BMP Hanja in the table). */
    public static boolean isHanja(char c) {
        return READINGS[c] != 0;
    }

    private static boolean isWordInitial(char previous) {
        boolean hangul = previous >= HANGUL_BASE && previous <= HANGUL_LAST;
        return !hangul && !isHanja(previous);
    }

    /** 두음법칙 on one syllable (표준어 규정 제10–12항 in its regular form). */
    static char initialSoundRule(char syllable) {
        int code = syllable - HANGUL_BASE;
        int initial = code / 588;
        int medial = (code % 588) / 28;
        int fin = code % 28;
        // ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ: the vowels that begin with a y-glide or are ㅣ
        boolean iLike = medial == 2 || medial == 6 || medial == 7 || medial == 12 || medial == 17 || medial == 20;
        int newInitial = initial;
        if (initial == INITIAL_R) {
            newInitial = iLike ? INITIAL_SILENT : INITIAL_N;
        } else if (initial == INITIAL_N && iLike) {
            newInitial = INITIAL_SILENT;
        }
        return (char) (HANGUL_BASE + newInitial * 588 + medial * 28 + fin);
    }

    private static char[] load() {
        char[] table = new char[Character.MAX_VALUE + 1];
        try (InputStream in = HanjaReadings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab != 1 || line.length() != 3) {
                    throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
                }
                table[line.charAt(0)] = line.charAt(2);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return table;
    }
}
