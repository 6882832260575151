package kr.mokmin.triage.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Korean PII detection and masking: every detector runs over a folded copy of the text (full-width forms and
 * dash variants as ASCII, same length), overlapping findings are resolved, and each kept span is masked in
 * place in its own style ({@code 900101-1******}, {@code 010-****-5678}, {@code 홍*동}). Plain Java, thread-safe,
 * no allocation beyond the text and its spans in the common case of a text without digits, {@code @} or cues.
 */
public final class KoreanPiiMasker implements PiiMasker {

    /** Findings below this confidence are dropped before overlaps are resolved. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

    private static final List<PiiDetector> DETECTORS = List.of(
            new IdentityNumberDetector(), new PhoneNumberDetector(), new CardNumberDetector(),
            new BusinessNumberDetector(), new DriverLicenseDetector(), new BankAccountDetector(),
            new HealthInsuranceDetector(), new PassportDetector(), new VehiclePlateDetector(),
            new AddressDetector(), new EmailDetector(), new PersonNameDetector());

    private final double minConfidence;

    public KoreanPiiMasker() {
        this(DEFAULT_MIN_CONFIDENCE);
    }

    public KoreanPiiMasker(double minConfidence) {
        this.minConfidence = minConfidence;
    }

    @Override
    public MaskedText mask(String text) {
        PiiText t = new PiiText(text);
        List<Candidate> found = find(t);
        if (found.isEmpty()) {
            return new MaskedText(text, List.of());
        }
        char[] out = text.toCharArray();
        List<PiiSpan> spans = new ArrayList<>(found.size());
        for (Candidate c : found) {
            PiiMasks.apply(c, t.text, out);
            spans.add(c.span());
        }
        return new MaskedText(new String(out), spans);
    }

    /** The spans {@link #mask} would mask, in text order. */
    public List<PiiSpan> detect(String text) {
        return find(new PiiText(text)).stream().map(Candidate::span).toList();
    }

    private List<Candidate> find(PiiText t) {
        List<Candidate> candidates = new ArrayList<>();
        for (PiiDetector d : DETECTORS) {
            d.detect(t, candidates);
        }
        candidates.removeIf(c -> c.confidence() < minConfidence);
        return OverlapResolver.resolve(candidates);
    }

    /**
     * {@code text} with its digits masked (full-width digits too), except the first {@code keepHead} and the last
     * {@code keepTail}: for text known to be personal that the detector did not mark (a plate or phone number a
     * fact rule found).
     */
    public static String maskDigits(String text, int keepHead, int keepTail) {
        char[] out = text.toCharArray();
        PiiMasks.digits(PiiText.fold(text), out, 0, text.length(), keepHead, keepTail);
        return new String(out);
    }
}
