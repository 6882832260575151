package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.mokmin.knowledge.demo.DemoCorpus;
import kr.mokmin.knowledge.demo.DemoEntry;
import org.junit.jupiter.api.Test;

/**
 * The chunker over the whole bundled demo corpus (162 files, 12 MB): the offset contract everywhere, at least
 * one chunk for every 조, nothing over the cap but tables. Prints the totals.
 */
class DemoCorpusChunkingTest {

    private static final Pattern MD_ARTICLE = Pattern.compile("(?m)^##### 제(\\d+)조(?:의(\\d+))?");
    private static final Pattern ARTICLE_OF_LOCATOR = Pattern.compile("^제\\d+조(?:의\\d+)?");

    @Test
    void wholeDemoCorpusChunksSanely() {
        Chunker chunker = new Chunker();
        Map<DocumentKind, IntSummaryStatistics> lengths = new EnumMap<>(DocumentKind.class);
        Map<DocumentKind, Integer> files = new EnumMap<>(DocumentKind.class);
        List<String> overCap = new ArrayList<>();
        int total = 0;
        long chars = 0;
        long started = System.nanoTime();
        for (DemoEntry entry : DemoCorpus.load().entries().toList()) {
            String name = entry.document().path();
            ChunkSource source = entry.chunkSource();
            List<Chunk> chunks = chunker.chunk(source);

            ChunkInvariants.check(name, source, chunker.policy(), chunks);
            ChunkInvariants.checkNoOverlap(name, chunks);
            assertThat(articlesOf(chunks)).as(name + ": every 조 has a chunk, in order")
                    .isEqualTo(articleHeadings(entry));
            for (Chunk c : chunks) {
                if (c.length() > chunker.policy().maxChars()) {
                    overCap.add(name + " " + c.locator() + " (" + c.length() + ")");
                }
            }
            DocumentKind kind = entry.document().kind();
            files.merge(kind, 1, Integer::sum);
            chunks.forEach(c -> lengths.computeIfAbsent(kind, k -> new IntSummaryStatistics()).accept(c.length()));
            total += chunks.size();
            chars += source.text().length();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("demo corpus: %d files, %,d characters, %,d chunks (%d ms with checks)%n",
                files.values().stream().mapToInt(Integer::intValue).sum(), chars, total, millis);
        lengths.forEach((kind, s) -> System.out.printf("  %-9s %3d files %,6d chunks, length avg %.0f max %d%n",
                kind, files.get(kind), s.getCount(), s.getAverage(), s.getMax()));
        System.out.printf("  chunks over %d characters (all tables): %s%n", chunker.policy().maxChars(), overCap);
        assertThat(total).isBetween(10_000, 20_000); // 13,560 when written
        assertThat(overCap).hasSizeLessThan(10); // whole tables only, checked by ChunkInvariants
    }

    /** Distinct 조 of the main text, in order of their chunks (부칙 조 and 별표 left out). */
    private static List<String> articlesOf(List<Chunk> chunks) {
        Set<String> out = new LinkedHashSet<>();
        for (Chunk c : chunks) {
            Matcher m = ARTICLE_OF_LOCATOR.matcher(c.locator());
            if (m.find()) {
                out.add(m.group());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The 조 headings of the Markdown before 부칙. The ordinance mirror's headings can be wrong (제202조 for
     * 제2조의2, 제0조 for chapter lines): there, the body's own labels count, one per non-zero heading.
     */
    private static List<String> articleHeadings(DemoEntry entry) {
        String text = entry.text();
        int supplement = text.indexOf("\n## 부칙");
        String main = supplement < 0 ? text : text.substring(0, supplement);
        Set<String> out = new LinkedHashSet<>();
        Matcher m = MD_ARTICLE.matcher(main);
        boolean statute = entry.document().kind() == DocumentKind.STATUTE;
        Pattern bodyLabel = Pattern.compile("(?m)^##### .*\\n\\s*\\n?(제\\d+조(?:의\\d+)?)");
        while (m.find()) {
            if (m.group(1).equals("0")) {
                continue;
            }
            String heading = "제" + m.group(1) + "조" + (m.group(2) == null ? "" : "의" + m.group(2));
            if (!statute) {
                Matcher b = bodyLabel.matcher(main);
                if (b.find(m.start()) && b.start() == m.start()) {
                    heading = b.group(1); // the body's own label wins
                }
            }
            out.add(heading);
        }
        return List.copyOf(out);
    }
}
