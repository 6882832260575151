package kr.mokmin.triage.pii;

import java.util.List;

/**
 * A text with its personal information masked. Masking keeps the length ({@code text.length()} equals the
 * original's), so every span, and every offset computed on the original, points at the same place in both.
 */
public record MaskedText(String text, List<PiiSpan> spans) {
    public MaskedText {
        spans = List.copyOf(spans);
    }
}
