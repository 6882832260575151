package kr.mokmin.knowledge.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * Recognises and decodes text files: a BOM (UTF-8, UTF-16) wins; otherwise UTF-8 if the whole file decodes
 * strictly, else CP949 (the Windows superset of EUC-KR that Korean government files are often saved in), else UTF-8
 * with replacement characters and a warning.
 */
final class TextDecoding {

    /** Microsoft's Unified Hangul Code, a superset of EUC-KR. */
    static final Charset CP949 = cp949();

    record Decoded(String text, Charset charset, boolean bom) {
    }

    private TextDecoding() {
    }

    /** The charset named by a byte order mark at the start of {@code head}, or null. */
    static Charset bomCharset(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static int bomLength(Charset charset) {
        return StandardCharsets.UTF_8.equals(charset) ? 3 : 2;
    }

    /**
     * Whether the first bytes of a file look like text: a BOM, or no NUL, few other control bytes, and a strict
     * decode as UTF-8 or CP949 (a character cut off at the end of the head is allowed).
     */
    static boolean looksLikeText(byte[] head, int length) {
        if (length == 0) {
            return false;
        }
        byte[] bytes = length == head.length ? head : java.util.Arrays.copyOf(head, length);
        if (bomCharset(bytes) != null) {
            return true;
        }
        int controls = 0;
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) || b == 0x7f) {
                controls++;
            }
        }
        if (controls > Math.max(2, bytes.length / 200)) {
            return false;
        }
        return decodesStrictly(bytes, StandardCharsets.UTF_8) || decodesStrictly(bytes, CP949);
    }

    private static boolean decodesStrictly(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, false); // a character cut off at the end is not an error
        return !result.isError() && in.remaining() <= 3;
    }

    /**
     * Decodes a whole text file, refusing (TOO_LARGE) once it exceeds {@code maxChars} characters.
     */
    static Decoded decode(Path file, int maxChars, ParseContext context) {
        byte[] head = readHead(file, 4);
        Charset bom = bomCharset(head);
        if (bom != null) {
            return new Decoded(read(file, bom, bomLength(bom), maxChars, CodingErrorAction.REPLACE), bom, true);
        }
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, CP949}) {
            try {
                return new Decoded(read(file, charset, 0, maxChars, CodingErrorAction.REPORT), charset, false);
            } catch (MalformedText ignored) {
                // try the next charset
            }
        }
        context.warn("the text is neither valid UTF-8 nor CP949: undecodable bytes were replaced with U+FFFD");
        return new Decoded(read(file, StandardCharsets.UTF_8, 0, maxChars, CodingErrorAction.REPLACE),
                StandardCharsets.UTF_8, false);
    }

    private static final class MalformedText extends RuntimeException {
        MalformedText() {
            super(null, null, false, false);
        }
    }

    private static String read(Path file, Charset charset, int skip, int maxChars, CodingErrorAction onError) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        StringBuilder sb = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            byte[] buf = new byte[64 * 1024];
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024 + 8);
            CharBuffer chars = CharBuffer.allocate(64 * 1024 + 8);
            int n;
            while ((n = in.read(buf)) >= 0) {
                bytes.put(buf, 0, n);
                bytes.flip();
                decodeInto(decoder, bytes, chars, false, sb, maxChars);
                bytes.compact();
            }
            bytes.flip();
            decodeInto(decoder, bytes, chars, true, sb, maxChars);
            chars.clear();
            CoderResult flush = decoder.flush(chars);
            if (flush.isError()) {
                throw new MalformedText();
            }
            chars.flip();
            sb.append(chars);
        } catch (CharacterCodingException e) {
            throw new MalformedText();
        } catch (IOException e) {
            throw new DocumentParseException(Reason.IO_ERROR, e.toString(), e);
        }
        return sb.toString();
    }

    private static void decodeInto(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end,
                                   StringBuilder sb, int maxChars) throws CharacterCodingException {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, end);
            chars.flip();
            if (sb.length() + chars.length() > maxChars) {
                throw new DocumentParseException(Reason.TOO_LARGE, "text exceeds " + maxChars + " characters");
            }
            sb.append(chars);
            if (result.isError()) {
                result.throwException();
            }
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    static byte[] readHead(Path file, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new DocumentParseException(Reason.IO_ERROR, e.toString(), e);
        }
    }

    private static Charset cp949() {
        try {
            return Charset.forName("x-windows-949");
        } catch (RuntimeException e) {
            return Charset.forName("EUC-KR");
        }
    }
}
