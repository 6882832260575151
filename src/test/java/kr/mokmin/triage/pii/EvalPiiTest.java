package kr.mokmin.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation's matching rules and label reading. */
class EvalPiiTest {

    private static PiiSpan span(PiiType type, int start, int end) {
        return new PiiSpan(type, start, end, 1);
    }

    @Test
    void overlapWithTheSameTypeCountsOncePerGoldSpan() {
        List<PiiSpan> want = List.of(span(PiiType.PHONE_NUMBER, 10, 23), span(PiiType.PERSON_NAME, 30, 33));
        List<PiiSpan> got = List.of(span(PiiType.PHONE_NUMBER, 12, 23), span(PiiType.PHONE_NUMBER, 14, 20),
                span(PiiType.BANK_ACCOUNT, 30, 33), span(PiiType.EMAIL, 50, 60));
        Map<PiiType, EvalPii.Score> overlap = new EnumMap<>(PiiType.class);
        EvalPii.score(want, got, EvalPii.Rule.OVERLAP, overlap);
        EvalPii.Score all = EvalPii.total(overlap);
        assertThat(all.tp).isEqualTo(1);
        assertThat(all.fn).isEqualTo(1); // the name was found with the wrong type
        assertThat(all.fp).isEqualTo(3);
        assertThat(all.precision()).isEqualTo(0.25);
        assertThat(all.recall()).isEqualTo(0.5);

        Map<PiiType, EvalPii.Score> masked = new EnumMap<>(PiiType.class);
        EvalPii.score(want, got, EvalPii.Rule.MASKED, masked);
        assertThat(EvalPii.total(masked).tp).isEqualTo(2);

        Map<PiiType, EvalPii.Score> strict = new EnumMap<>(PiiType.class);
        EvalPii.score(want, got, EvalPii.Rule.STRICT, strict);
        assertThat(EvalPii.total(strict).tp).isZero();
    }

    @Test
    void readsLabelsWithFieldsWithoutPii(@TempDir Path dir) throws Exception {
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(labels, "# comment\nfile\tid\tfield\tstart\tend\ttype\n"
                + "a.jsonl\tx\ttitle\t0\t0\tNONE\na.jsonl\ty\tcontent\t3\t6\tPERSON_NAME\n");
        assertThat(EvalPii.readLabels(labels)).containsExactly(
                new EvalPii.Gold("a.jsonl", "x", "title", 0, 0, null),
                new EvalPii.Gold("a.jsonl", "y", "content", 3, 6, PiiType.PERSON_NAME));
    }
}
