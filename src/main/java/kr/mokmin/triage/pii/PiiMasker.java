package kr.mokmin.triage.pii;

/**
 * Finds and masks Korean personal information. The masked text is what goes to any model, log line and audit
 * record. Implementations are thread-safe and deterministic.
 */
public interface PiiMasker {

    /** The text with every detected span masked in place (same length), styles like {@code 900101-1******}. */
    MaskedText mask(String text);
}
