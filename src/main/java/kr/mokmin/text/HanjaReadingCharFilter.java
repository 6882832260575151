package kr.mokmin.text;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces Hanja by their Hangul reading ({@link HanjaReadings}) before tokenizing. One char in, one char out,
 * so offsets need no correction and highlights land on the original Hanja.
 */
public final class HanjaReadingCharFilter extends CharFilter {

    /** The last original char read, carried across {@code read} calls for the word-initial rule. */
    private char previous = ' ';

    public HanjaReadingCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = input.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(n, 0); i++) {
            char c = buffer[i];
            buffer[i] = HanjaReadings.read(c, previous);
            previous = c;
        }
        return n;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }
}
