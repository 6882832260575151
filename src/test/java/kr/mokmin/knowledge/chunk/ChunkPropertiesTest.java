package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import kr.mokmin.knowledge.chunk.Fixtures.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        if (Chunker.isLegal(fixture.kind())) {
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

    private static final String[] LINES = {
        "제%d조(목적) 이 조례는 시민의 편의를 위하여 필요한 사항을 정한다.", "제%d조의2(정의) 용어의 뜻은 다음과 같다.",
        "##### 제%d조 (제목)", "##### 제%d조", "## 제%d장 총칙", "제%d절 보칙", "① 시장은 계획을 세워야 한다.",
        "**②** 제1항에 따른 계획에는 다음 각 호의 사항이 포함되어야 한다.", "%d. 사업의 목표", "  %d\\. 사업의 범위",
        "가. 세부 사항", "    나\\. 그 밖의 사항", "다. 또 다른 사항", "부칙", "## 부칙", "부칙 <제%d호,2024.1.1>",
        "부칙 (2024. 1. 1. 조례 제%d호) 이 조례는 공포한 날부터 시행한다.", "[별표 %d] 수수료(제3조 관련)",
        "| 구분 | 금액 |", "|---|---|", "| 열람 | %d원 |", "+----+----+", "# 안내", "### 세부 안내", "□ 신청 대상",
        "○ 만 65세 이상", "Q. 신청은 어디에서 하나요?", "A. 동 행정복지센터에서 합니다.", "<table><tr><td>가</td></tr>",
        "</table>", "", "", "   ", "\f", "긴 문장입니다. ".repeat(60), "제%d조 삭제 <2020.1.1>", "제%d조 부터 제%d조까지 생략",
    };

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomlyAssembledDocumentsKeepTheOffsetContract(int seed) {
        Random random = new Random(seed);
        for (DocumentKind kind : DocumentKind.values()) {
            StringBuilder b = new StringBuilder();
            int lines = 20 + random.nextInt(300);
            for (int i = 0; i < lines; i++) {
                String line = LINES[random.nextInt(LINES.length)];
                b.append(line.replace("%d", Integer.toString(1 + random.nextInt(12)))).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            ChunkSource source = ChunkSource.of(b.toString(), kind);
            ChunkingPolicy policy = POLICIES.get(random.nextInt(POLICIES.size()));
            List<Chunk> chunks = new Chunker(policy).chunk(source);
            ChunkInvariants.check("seed " + seed + " " + kind, source, policy, chunks);
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
