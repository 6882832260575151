package kr.mokmin.knowledge.parse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import kr.mokmin.knowledge.parse.DocumentParseException.Reason;

/**
 * What one extraction may use and what it has to say: the limits, the OCR engine, the original file name (a hint
 * only), the deadline and the warnings collected so far. One per {@link DocumentParsers#parse} call; not
 * thread-safe.
 */
public final class ParseContext {

    private static final int MAX_WARNINGS = 200;

    private final ParseLimits limits;
    private final OcrEngine ocr;
    private final String fileName;
    private final long deadlineNanos;
    private final Set<String> warnings = new LinkedHashSet<>();
    private int droppedWarnings;

    public ParseContext(ParseLimits limits, OcrEngine ocr, String fileName) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.fileName = fileName;
        this.deadlineNanos = System.nanoTime() + limits.timeout().toNanos();
    }

    public ParseLimits limits() {
        return limits;
    }

    public OcrEngine ocr() {
        return ocr;
    }

    /** The name the file was uploaded under, if known. Never used to decide the format of binary content. */
    public Optional<String> fileName() {
        return Optional.ofNullable(fileName);
    }

    /** Records a warning for the result (duplicates are kept once; at most 200 are kept). */
    public void warn(String warning) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(warning);
        } else if (!warnings.contains(warning)) {
            droppedWarnings++;
        }
    }

    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (droppedWarnings > 0) {
            all.add(droppedWarnings + " more warnings were dropped");
        }
        return all;
    }

    /** Time left before {@link ParseLimits#timeout()}; zero when it has passed. */
    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** @throws DocumentParseException TIMEOUT once the extraction has run longer than allowed */
    public void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new DocumentParseException(Reason.TIMEOUT,
                    "extraction ran longer than " + limits.timeout().toSeconds() + " s");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new DocumentParseException(Reason.TIMEOUT, "extraction was interrupted");
        }
    }

    /** The OCR timeout for one call, shortened to the time left for the whole extraction. */
    Duration ocrTimeout(int frames) {
        Duration perCall = limits.ocrTimeout().multipliedBy(Math.max(1, frames));
        Duration left = remaining();
        if (left.isZero()) {
            checkDeadline();
        }
        return perCall.compareTo(left) <= 0 ? perCall : left;
    }
}
