package kr.mokmin.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Odd input: full-width forms, spacing, pathological runs; overlaps resolved the same way every time. */
class PiiRobustnessTest {

    private final KoreanPiiMasker masker = new KoreanPiiMasker();

    @Test
    void fullWidthDigitsAndDashVariantsAreRead() {
        String text = "９００１０１－１２３４５６８ and 010‐1234–5678";
        MaskedText m = masker.mask(text);
        assertThat(m.text()).isEqualTo("９００１０１－１****** and 010‐****–5678");
        assertThat(m.spans()).extracting(PiiSpan::type)
                .containsExactly(PiiType.RESIDENT_REGISTRATION_NUMBER, PiiType.PHONE_NUMBER);
    }

    @Test
    void oddSpacingAroundSeparators() {
        assertThat(masker.mask("010 - 1234 - 5678").text()).isEqualTo("010 - **** - 5678");
        assertThat(masker.mask("(031, 929 - 4691)").text()).isEqualTo("(031, *** - 4691)");
        assertThat(masker.mask("900101 - 1234568").text()).isEqualTo("900101 - 1******");
    }

    // A guard against catastrophic backtracking, which would run for hours; not a speed measurement.
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pathologicalRunsOfDigitsAndHyphensFinish() {
        String hyphens = "1-".repeat(50_000);
        String digits = "0".repeat(100_000);
        String mixed = "010-".repeat(25_000);
        String spaced = "12 가 ".repeat(20_000) + "동 호 로 길 @ ".repeat(5_000);
        for (String text : List.of(hyphens, digits, mixed, spaced)) {
            MaskedText m = masker.mask(text);
            assertThat(m.text()).hasSameSizeAs(text);
        }
        assertThat(masker.detect(digits)).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameSpans() {
        String text = "계좌 010-1234-5678 홍길동씨 국민은행 123-456-789012";
        assertThat(masker.detect(text)).isEqualTo(masker.detect(text));
        // a phone number next to 계좌 is also an account candidate: the more confident phone wins
        assertThat(masker.detect(text).getFirst().type()).isEqualTo(PiiType.PHONE_NUMBER);
    }

    @Test
    void resolverKeepsTheMostConfidentThenLongestThenFirstDeclaredType() {
        List<Candidate> in = new ArrayList<>(List.of(
                new Candidate(PiiType.BANK_ACCOUNT, 0, 13, 0.85),
                new Candidate(PiiType.PHONE_NUMBER, 0, 13, 0.95),
                new Candidate(PiiType.PERSON_NAME, 20, 23, 0.8),
                new Candidate(PiiType.ADDRESS, 18, 30, 0.8),
                new Candidate(PiiType.VEHICLE_PLATE, 40, 47, 0.9),
                new Candidate(PiiType.PHONE_NUMBER, 40, 47, 0.9)));
        List<Candidate> out = OverlapResolver.resolve(in);
        assertThat(out).extracting(Candidate::type)
                .containsExactly(PiiType.PHONE_NUMBER, PiiType.ADDRESS, PiiType.PHONE_NUMBER);
        java.util.Collections.reverse(in);
        assertThat(OverlapResolver.resolve(in)).isEqualTo(out);
    }

    @Test
    void minimumConfidenceDropsWeakFindings() {
        String text = "M12345678"; // a passport number without 여권 in front: 0.7
        assertThat(new KoreanPiiMasker(0.5).detect(text)).hasSize(1);
        assertThat(new KoreanPiiMasker(0.8).detect(text)).isEmpty();
    }

    @Test
    void textWithoutAnythingIsReturnedAsItIs() {
        String text = "가로등이 꺼져 있습니다.";
        assertThat(masker.mask(text).text()).isSameAs(text);
        assertThat(masker.mask("").spans()).isEmpty();
    }
}
