package kr.mokmin.knowledge.parse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Optical character recognition of an image file: the port the parsers use for scans and image-only PDF pages. */
public interface OcrEngine {

    /** Empty when the engine can be used; otherwise why not (e.g. "tesseract is not installed"). */
    Optional<String> unavailableReason();

    default boolean available() {
        return unavailableReason().isEmpty();
    }

    /** Engine and languages, for warnings and logs (e.g. "tesseract 5.3.0 kor+chi_tra"). */
    String describe();

    /** Remarks about the set-up that every OCRed document should carry as a warning (e.g. a missing language). */
    default List<String> notes() {
        return List.of();
    }

    /**
     * Recognises the text of a PNG, JPEG or TIFF file. Frames of a multi-page TIFF are separated by a form feed
     * ({@code \f}).
     *
     * @param dpi the image's resolution when the caller knows it (rendered PDF pages), or 0 to let the engine read
     *            or estimate it
     * @throws DocumentParseException OCR_UNAVAILABLE, OCR_TIMEOUT (the call ran longer than {@code timeout}) or
     *                                OCR_FAILED
     */
    String recognise(Path image, int dpi, Duration timeout);

    /** An engine that is never available. */
    OcrEngine NONE = new OcrEngine() {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("OCR is disabled");
        }

        @Override
        public String describe() {
            return "none";
        }

        @Override
        public String recognise(Path image, int dpi, Duration timeout) {
            throw new DocumentParseException(DocumentParseException.Reason.OCR_UNAVAILABLE, "OCR is disabled");
        }
    };
}
