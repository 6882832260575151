package kr.mokmin.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** Checks the shipped user dictionary against the analyzer it is meant for. */
class UserDictionaryTest {

    private final Analyzer nori = KoreanAnalyzers.nori();

    @Test
    void hasAboutAHundredTermsAndNoDuplicates() throws IOException {
        List<String[]> entries = entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(100);
        assertThat(entries.stream().map(e -> e[0]).distinct().count()).isEqualTo(entries.size());
    }

    /**
     * The reason for writing the parts: a document that spells the term solid and a query that spells it with
     * spaces (or the other way round) must meet on the same terms. So the spaced-out form must analyse to
     * terms that include every listed part (MIXED may add finer pieces: 증명서 → 증명서, 증명, 서), and the
     * solid form to the compound plus exactly those parts.
     */
    @Test
    void spacedOutFormAnalysesToTheListedParts() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (String[] entry : entries()) {
            if (entry.length == 1) {
                continue;
            }
            List<String> parts = Arrays.asList(entry).subList(1, entry.length);
            List<String> spaced = KoreanAnalyzers.terms(nori, "f", String.join(" ", parts));
            // a part may itself be read further by nori alone (수급자 → 수급): then its own terms must be there
            boolean meet = parts.stream().allMatch(p -> spaced.contains(p)
                    || spaced.containsAll(KoreanAnalyzers.terms(nori, "f", p)));
            if (!meet) {
                mismatches.add(entry[0] + ": " + parts + " analysed as " + spaced);
            }
            List<String> solid = KoreanAnalyzers.terms(nori, "f", entry[0]);
            List<String> expected = new ArrayList<>();
            expected.add(entry[0]);
            expected.addAll(parts);
            if (!solid.equals(expected)) {
                mismatches.add(entry[0] + " analysed as " + solid);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void singleWordEntriesStayWhole() throws IOException {
        for (String[] entry : entries()) {
            if (entry.length == 1) {
                assertThat(KoreanAnalyzers.terms(nori, "f", entry[0] + "를")).as(entry[0]).startsWith(entry[0]);
            }
        }
    }

    private static List<String[]> entries() throws IOException {
        List<String[]> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                KoreanAnalyzers.class.getResourceAsStream("userdict_ko.txt"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(line.strip().split("\\s+"));
                }
            }
        }
        return entries;
    }
}
