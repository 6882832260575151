package kr.mokmin.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * A search: free text (never parsed as query syntax) plus filters. Empty filter sets mean "any", except
 * {@code audiences}: empty or {@code null} means {@link Audience#PUBLIC} only, so a caller has to ask for
 * internal documents explicitly.
 *
 * @param text          what the person typed; may be empty (then nothing is found)
 * @param kinds         document kinds to keep; empty = all
 * @param issuers       issuers to keep (exact names); empty = all
 * @param effectiveFrom keep chunks in force from this date on (inclusive); {@code null} = no lower bound
 * @param effectiveTo   keep chunks with an effective date up to this date (inclusive); {@code null} = no bound
 * @param audiences     audiences to keep; empty = {@link Audience#PUBLIC} only
 * @param k             how many hits at most, 1..{@value #MAX_K}
 */
public record SearchQuery(
        String text,
        Set<DocumentKind> kinds,
        Set<String> issuers,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Set<Audience> audiences,
        int k) {

    public static final int MAX_K = 100;

    public SearchQuery {
        text = text == null ? "" : text;
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        issuers = issuers == null ? Set.of() : Set.copyOf(issuers);
        audiences = audiences == null || audiences.isEmpty() ? Set.of(Audience.PUBLIC) : Set.copyOf(audiences);
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be 1.." + MAX_K + ", was " + k);
        }
        if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effectiveTo " + effectiveTo + " is before effectiveFrom " + effectiveFrom);
        }
    }

    /** What a citizen's search is: public documents of every kind. */
    public static SearchQuery forPublic(String text, int k) {
        return new SearchQuery(text, Set.of(), Set.of(), null, null, Set.of(Audience.PUBLIC), k);
    }

    /** What a staff search is: public and internal documents of every kind. */
    public static SearchQuery forStaff(String text, int k) {
        return new SearchQuery(text, Set.of(), Set.of(), null, null, Set.of(Audience.PUBLIC, Audience.INTERNAL), k);
    }

    public SearchQuery withKinds(Set<DocumentKind> newKinds) {
        return new SearchQuery(text, newKinds, issuers, effectiveFrom, effectiveTo, audiences, k);
    }

    public SearchQuery withIssuers(Set<String> newIssuers) {
        return new SearchQuery(text, kinds, newIssuers, effectiveFrom, effectiveTo, audiences, k);
    }

    public SearchQuery withEffective(LocalDate from, LocalDate to) {
        return new SearchQuery(text, kinds, issuers, from, to, audiences, k);
    }

    public SearchQuery withAudiences(Set<Audience> newAudiences) {
        return new SearchQuery(text, kinds, issuers, effectiveFrom, effectiveTo, newAudiences, k);
    }

    public SearchQuery withK(int newK) {
        return new SearchQuery(text, kinds, issuers, effectiveFrom, effectiveTo, audiences, newK);
    }
}
