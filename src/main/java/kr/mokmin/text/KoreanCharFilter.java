package kr.mokmin.text;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.CharFilter;

/**
 * What both Korean analyzers do to characters before tokenizing, in one pass and one char for one char (so
 * offsets need no correction and highlights land on the original text):
 * <ul>
 *   <li>Hanja become their Hangul reading ({@link HanjaReadings}): 大型廢棄物 → 대형폐기물;</li>
 *   <li>middle dots that join list items become spaces: legal Korean writes 설치·운영 and 소음ㆍ진동관리법, and
 *       ㆍ (U+318D) is a Hangul letter, so tokenizers would take it for part of a word.</li>
 * </ul>
 * One hand-written pass rather than Lucene's MappingCharFilter: it sits in front of every token of every
 * document, and a table lookup per char is all it needs.
 */
public final class KoreanCharFilter extends CharFilter {

    /** The last original char read, carried across {@code read} calls for the word-initial rule. */
    private char previous = ' ';

    public KoreanCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = input.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(n, 0); i++) {
            char c = buffer[i];
            buffer[i] = isListSeparator(c) ? ' ' : HanjaReadings.read(c, previous);
            previous = c;
        }
        return n;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    /** · (U+00B7), ㆍ (U+318D), ・ (U+30FB), ‧ (U+2027), ∙ (U+2219), ･ (U+FF65). */
    static boolean isListSeparator(char c) {
        return c == '\u00B7' || c == '\u318D' || c == '\u30FB' || c == '\u2027' || c == '\u2219' || c == '\uFF65';
    }
}
