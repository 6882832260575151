package kr.mokmin.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Query-time synonyms: citizens say 불법주차 and 쓰레기 where ordinances say 주정차위반 and 폐기물.
 *
 * <p>Expansion works on the query string, not inside an analyzer: it finds each group member in the query
 * with spaces ignored (Korean spacing varies) and returns the other members, which the index adapter then
 * searches with a lower weight through the same analyzers as the query. Doing it before analysis keeps the
 * expansion identical for every field and every adapter (nori, bigram, OpenSearch) and avoids feeding a
 * token graph (nori's MIXED mode) into Lucene's synonym filter, which cannot consume one.
 */
public final class Synonyms {

    private static final String RESOURCE = "synonyms_ko.txt";

    private final List<List<String>> groups;

    /** @param groups each group's members; members shorter than 2 characters are rejected */
    public Synonyms(List<List<String>> groups) {
        List<List<String>> copy = new ArrayList<>();
        for (List<String> group : groups) {
            List<String> members = new ArrayList<>();
            for (String member : group) {
                String normalized = KoreanText.normalize(member).strip();
                if (KoreanText.withoutSpaces(normalized).length() < 2) {
                    throw new IllegalArgumentException("synonym too short to match safely: '" + member + "'");
                }
                members.add(normalized);
            }
            if (members.size() >= 2) {
                copy.add(List.copyOf(members));
            }
        }
        this.groups = List.copyOf(copy);
    }

    /** The shipped list ({@code synonyms_ko.txt} next to this class). */
    public static Synonyms korean() {
        return Holder.KOREAN;
    }

    /** No synonyms: for measuring what the list is worth, and for adapters configured without it. */
    public static Synonyms none() {
        return new Synonyms(List.of());
    }

    /** Parses the resource format: one comma-separated group a line, {@code #} starts a comment line. */
    public static Synonyms parse(Reader reader) throws IOException {
        List<List<String>> groups = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            List<String> members = new ArrayList<>();
            for (String member : trimmed.split(",")) {
                if (!member.isBlank()) {
                    members.add(member.strip());
                }
            }
            groups.add(members);
        }
        return new Synonyms(groups);
    }

    public List<List<String>> groups() {
        return groups;
    }

    /**
     * The alternatives to search for besides the query itself: for every group with a member in the query,
     * the group's other members that the query does not already contain. In the order of the list; empty
     * when nothing matches.
     */
    public List<String> expansions(String query) {
        String compact = KoreanText.withoutSpaces(query).toLowerCase(java.util.Locale.ROOT);
        if (compact.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (List<String> group : groups) {
            boolean matched = false;
            for (String member : group) {
                if (compact.contains(compactKey(member))) {
                    matched = true;
                    break;
                }
            }
            if (!matched) {
                continue;
            }
            for (String member : group) {
                if (!compact.contains(compactKey(member))) {
                    out.add(member);
                }
            }
        }
        return List.copyOf(out);
    }

    private static String compactKey(String member) {
        return KoreanText.withoutSpaces(member).toLowerCase(java.util.Locale.ROOT);
    }

    private static final class Holder {
        static final Synonyms KOREAN = load();

        private static Synonyms load() {
            try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }
}
