package kr.mokmin.knowledge.parse;

import java.util.Objects;

/**
 * A document that could not be turned into text, with a stable {@link Reason}. The message reads
 * {@code [CODE] 한국어 설명 / English description: detail}, fit to show to an administrator as it is.
 */
public class DocumentParseException extends RuntimeException {

    /** Why a document was refused. Codes are stable: store and compare {@link #name()}. */
    public enum Reason {
        EMPTY("빈 파일입니다", "the file is empty"),
        TOO_LARGE("파일 또는 추출된 내용이 허용 크기를 넘습니다", "the file or its extracted content exceeds the size limit"),
        TOO_MANY_PAGES("쪽 수가 허용 한도를 넘습니다", "the document has more pages than allowed"),
        UNSUPPORTED_FORMAT("지원하지 않는 파일 형식입니다", "the file format is not supported"),
        EXTENSION_MISMATCH("파일 확장자와 실제 형식이 다릅니다", "the file extension does not match its content"),
        ENCRYPTED("암호 또는 DRM으로 보호된 문서입니다", "the document is password- or DRM-protected"),
        TRUNCATED("파일이 잘려 있습니다(불완전한 파일)", "the file is truncated"),
        CORRUPT("파일이 손상되어 읽을 수 없습니다", "the file is damaged and cannot be read"),
        ZIP_BOMB("압축을 풀면 허용 한도를 넘습니다(압축 폭탄 의심)", "decompressed content exceeds the limits (suspected zip bomb)"),
        OCR_UNAVAILABLE("문자 인식(OCR) 엔진이 설치되어 있지 않습니다", "no OCR engine (tesseract with Korean) is installed"),
        OCR_TIMEOUT("문자 인식(OCR) 시간이 초과되었습니다", "OCR took longer than allowed"),
        OCR_FAILED("문자 인식(OCR)에 실패했습니다", "OCR failed"),
        TIMEOUT("추출 시간이 허용 한도를 넘었습니다", "extraction took longer than allowed"),
        IO_ERROR("파일을 읽는 중 오류가 발생했습니다", "the file could not be read");

        private final String korean;
        private final String english;

        Reason(String korean, String english) {
            this.korean = korean;
            this.english = english;
        }

        public String korean() {
            return korean;
        }

        public String english() {
            return english;
        }
    }

    private final Reason reason;
    private final String detail;

    public DocumentParseException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public DocumentParseException(Reason reason, String detail, Throwable cause) {
        super(message(reason, detail), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** What exactly went wrong (English, technical), or null. */
    public String detail() {
        return detail;
    }

    private static String message(Reason reason, String detail) {
        String base = "[" + reason.name() + "] " + reason.korean() + " / " + reason.english();
        return detail == null || detail.isBlank() ? base : base + ": " + detail;
    }
}
