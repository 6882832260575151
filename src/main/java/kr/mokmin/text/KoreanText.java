package kr.mokmin.text;

import java.text.Normalizer;

/**
 * Normalisation applied to every text before it is analysed, indexed or matched.
 *
 * <p>Text reaches us from HWP, PDF, OCR and web forms, and the same word can arrive in several code point
 * sequences: Hangul as conjoining jamo (old HWP/PDF exports), Hanja as CJK compatibility ideographs (old land
 * registers, U+F900–U+FAFF), spaces as NBSP or ideographic space, and invisible zero-width characters inside
 * words. Unless these are folded, "주민등록" written two ways are two different terms to the index.
 */
public final class KoreanText {

    private KoreanText() {
    }

    /**
     * NFC (composes conjoining jamo into syllables and maps compatibility ideographs to their unified Hanja;
     * both are canonical equivalences, so no meaning is lost), then drops zero-width and control characters
     * and turns every other kind of space into a plain one. Line breaks and tabs stay: chunkers and
     * highlighters use them.
     *
     * @return the normalised text, or {@code ""} for {@code null}
     */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = null;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            char replacement = replacementFor(c);
            if (replacement != c && out == null) {
                out = new StringBuilder(nfc.length()).append(nfc, 0, i);
            }
            if (out != null && replacement != DROP) {
                out.append(replacement);
            }
        }
        return out == null ? nfc : out.toString();
    }

    /** Marks a character to remove; U+FFFF is a noncharacter, so it never stands for itself in real text. */
    private static final char DROP = '\uFFFF';

    private static char replacementFor(char c) {
        return switch (c) {
            case '\n', '\r', '\t' -> c;
            // zero-width space/joiners, word joiner, BOM, soft hyphen: invisible, split words when left in
            case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> DROP;
            // NBSP, ideographic space, the typographic spaces: all read as a plain space
            case '\u00A0', '\u3000', '\u2002', '\u2003', '\u2009', '\u202F', '\u205F' -> ' ';
            default -> Character.isISOControl(c) || c == DROP ? DROP : c;
        };
    }

    /**
     * The text with all whitespace removed, for matching phrases regardless of spacing: Korean spacing
     * (띄어쓰기) varies between writers ("불법 주차" / "불법주차"), while the words stay the same.
     */
    public static String withoutSpaces(String text) {
        String normalized = normalize(text);
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
