package kr.mokmin.complaint.attachment;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Uploaded file names made safe to show and to offer for download. Plain Java. */
public final class FileNames {

    /** Longest name kept, in UTF-8 bytes: what common file systems accept (about 85 Hangul syllables). */
    static final int MAX_BYTES = 255;
    static final String FALLBACK = "attachment";

    private FileNames() {
    }

    /**
     * The last path segment of the uploaded name, NFC-normalised (macOS sends decomposed Hangul), without control
     * and invisible formatting characters (which can disguise an extension, e.g. U+202E), with characters Windows
     * does not allow in names replaced by '_', without leading/trailing dots and spaces, at most 255 UTF-8 bytes.
     * Korean is kept as is.
     */
    public static String sanitize(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(cut + 1);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                     Character.UNASSIGNED -> {
                    // dropped
                }
                case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR ->
                        out.append(' ');
                default -> out.appendCodePoint("<>:\"|?*".indexOf(cp) >= 0 ? '_' : cp);
            }
        });
        String name = strip(out.toString().replaceAll(" {2,}", " "));
        if (name.isEmpty()) {
            return FALLBACK;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        return limit(name.substring(0, name.length() - ext.length()), ext);
    }

    /** {@code base + suffix}, shortening {@code base} (at a code point boundary) to fit {@link #MAX_BYTES}. */
    static String limit(String base, String suffix) {
        int budget = MAX_BYTES - utf8Length(suffix);
        if (utf8Length(base) <= budget) {
            return base + suffix;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            int len = utf8Length(new String(Character.toChars(cp)));
            if (used + len > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        String shortened = strip(kept.toString());
        return (shortened.isEmpty() ? FALLBACK : shortened) + suffix;
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>} (RFC 6266, RFC 8187).
     */
    public static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''"
                + percentEncode(fileName);
    }

    /** The name itself when it is plain printable ASCII, else "attachment" with its extension. */
    static String asciiFallback(String fileName) {
        boolean plain = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%');
        if (plain) {
            return fileName;
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1);
        return ext.matches("[A-Za-z0-9]{1,10}") ? FALLBACK + "." + ext : FALLBACK;
    }

    /** RFC 8187 value-chars: attr-char stays, every other UTF-8 byte becomes %XX. */
    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
