package kr.mokmin.triage.pii;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks non-overlapping candidates: the most confident first, then the longer, then the type declared first in
 * {@link PiiType}, then the earlier; the result is in text order. The order is total, so the same input always
 * gives the same spans.
 */
final class OverlapResolver {

    private static final Comparator<Candidate> PRECEDENCE = Comparator
            .comparingDouble(Candidate::confidence).reversed()
            .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
            .thenComparingInt(c -> c.type().ordinal())
            .thenComparingInt(Candidate::start);

    private OverlapResolver() {
    }

    static List<Candidate> resolve(List<Candidate> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(PRECEDENCE);
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : ordered) {
            boolean free = true;
            for (Candidate k : kept) {
                if (k.overlaps(c)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }
}
