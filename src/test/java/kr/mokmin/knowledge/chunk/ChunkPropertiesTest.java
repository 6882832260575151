package kr.mokmin.knowledge.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import kr.mokmin.knowledge.chunk.Fixtures.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The offset contract of {@link ChunkInvariants} on every fixture, under several policies, and on random excerpts. */
class ChunkPropertiesTest {

    private static final List<ChunkingPolicy> POLICIES = List.of(
            ChunkingPolicy.DEFAULT,
            new ChunkingPolicy(600, 80, 3_000),
            new ChunkingPolicy(300, 60, 1_000),
            new ChunkingPolicy(200, 50, 200));

    static Stream<Arguments> fixturesAndPolicies() {
        return Fixtures.all().stream()
                .flatMap(f -> POLICIES.stream().map(p -> Arguments.of(f, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixturesAndPolicies")
    void everyFixtureKeepsTheOffsetContract(Fixture fixture, ChunkingPolicy policy) {
        ChunkSource source = fixture.source();
        List<Chunk> chunks = new Chunker(policy).chunk(source);
        assertThat(chunks).isNotEmpty();
        ChunkInvariants.check(fixture.name(), source, policy, chunks);
        if (fixture.kind().isLegal()) {
            ChunkInvariants.checkNoOverlap(fixture.name(), chunks);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kr.mokmin.knowledge.chunk.Fixtures#all")
    void randomExcerptsKeepTheOffsetContract(Fixture fixture) {
        // Excerpts start and end anywhere: in the middle of an article, a table, a Markdown heading.
        Random random = new Random(fixture.name().hashCode() * 31L + fixture.kind().ordinal());
        String text = fixture.text();
        for (int round = 0; round < 25; round++) {
            int a = random.nextInt(text.length());
            int b = Math.min(text.length(), a + 1 + random.nextInt(6_000));
            ChunkSource source = ChunkSource.of(text.substring(a, b), fixture.kind());
            ChunkingPolicy policy = POLICIES.get(round % POLICIES.size());
            List<Chunk> chunks = new Chunker(policy).chunk(source);
            ChunkInvariants.check(fixture.name() + " [" + a + ", " + b + ")", source, policy, chunks);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kr.mokmin.knowledge.chunk.Fixtures#all")
    void windowsLineEndingsGiveTheSameStructure(Fixture fixture) {
        List<Chunk> unix = new Chunker().chunk(fixture.source());
        ChunkSource crlf = ChunkSource.of(fixture.text().replace("\n", "\r\n"), fixture.kind());
        List<Chunk> windows = new Chunker().chunk(crlf);
        ChunkInvariants.check(fixture.name() + " CRLF", crlf, ChunkingPolicy.DEFAULT, windows);
        // "\r" makes lines one character longer, so a chunk near the cap may split elsewhere; the structure
        // found (the headings) must be the same.
        assertThat(windows.stream().map(Chunk::heading).distinct().toList())
                .isEqualTo(unix.stream().map(Chunk::heading).distinct().toList());
    }
}
