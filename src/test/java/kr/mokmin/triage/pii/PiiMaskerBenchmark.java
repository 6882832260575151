package kr.mokmin.triage.pii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import tools.jackson.databind.json.JsonMapper;

/**
 * Masking time per complaint, single thread: {@code texts=synthetic} are generated complaints of 500–1,500 chars
 * with a typical mix of personal information (phones, a name, an address, a plate, dates and amounts);
 * {@code texts=incheon} are the 인천 중구 complaints of that length from {@code shared/data} (read at benchmark
 * time, never stored). Run (see docs/triage-pii.md):
 * <pre>
 * nice -n 19 mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) org.openjdk.jmh.Main PiiMaskerBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PiiMaskerBenchmark {

    @Param({"synthetic", "incheon"})
    public String texts;
    /** The shared/data folder, for {@code texts=incheon}. */
    @Param("../shared/data")
    public String data;

    private final KoreanPiiMasker masker = new KoreanPiiMasker();
    private String[] corpus;
    private int next;

    @Setup
    public void load() throws IOException {
        corpus = switch (texts) {
            case "synthetic" -> synthetic(500, 7).toArray(String[]::new);
            case "incheon" -> incheon(Path.of(data)).toArray(String[]::new);
            default -> throw new IllegalArgumentException("texts is synthetic or incheon: " + texts);
        };
        if (corpus.length == 0) {
            throw new IllegalStateException("no texts of 500-1,500 chars for " + texts);
        }
    }

    /** One complaint masked; the texts are taken in turn so that no single one is all the JIT sees. */
    @Benchmark
    public MaskedText maskOneComplaint() {
        String text = corpus[next];
        next = next + 1 == corpus.length ? 0 : next + 1;
        return masker.mask(text);
    }

    private static final String[] SENTENCES = {
        "안녕하세요. 항상 구정 발전을 위해 애써 주셔서 감사합니다.",
        "집 앞 도로에 불법 주차된 차량 때문에 아이들이 등교할 때 차도로 걸어야 합니다.",
        "지난주부터 가로등이 꺼져 있어 밤길이 너무 어둡습니다. 빠른 조치 부탁드립니다.",
        "2026.11.23 오후 3시경 현장을 다시 확인했지만 달라진 것이 없었습니다.",
        "공사장 소음이 아침 7시 전부터 시작되어 잠을 잘 수가 없습니다.",
        "관련 법령(도로법 제61조제1항)에 따라 점용 허가를 받았는지 확인해 주십시오.",
        "과태료 40,000원이 부과되었는데 그날 저는 그곳에 있지 않았습니다.",
        "지난번 민원(접수번호 2026-000123)에 대한 답변이 아직 없습니다.",
        "쓰레기 무단투기가 반복되니 CCTV 설치를 검토해 주시기 바랍니다.",
        "버스 배차 간격이 30~40분이라 출근 시간에 이용하기가 어렵습니다.",
        "인도 보도블록이 깨져 있어 휠체어가 지나갈 수 없습니다.",
        "놀이터 시설 두 곳의 발판이 내려앉아 위험합니다. 사진을 첨부합니다.",
    };
    private static final String[] PII = {
        "연락처 010-%04d-%04d로 연락 주세요.", "저는 김민수입니다.", "시청로 %d, 101동 %d호에 살고 있습니다.",
        "차량번호 %d가%04d 차량이 매일 인도에 주차합니다.", "담당 이영희 주무관님과 통화했습니다.",
        "집 전화는 031-%03d-%04d입니다.", "메일은 minsu%d@example.kr 입니다.",
    };

    /** Deterministic complaints of 500–1,500 chars, each with two or three pieces of personal information. */
    static List<String> synthetic(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int target = 500 + random.nextInt(1001);
            StringBuilder b = new StringBuilder(target + 200);
            int pii = 2 + random.nextInt(2);
            while (b.length() < target) {
                if (pii > 0 && random.nextInt(4) == 0) {
                    b.append(String.format(PII[random.nextInt(PII.length)], 100 + random.nextInt(900),
                            1000 + random.nextInt(9000)));
                    pii--;
                } else {
                    b.append(SENTENCES[random.nextInt(SENTENCES.length)]);
                }
                b.append(random.nextInt(5) == 0 ? "\n" : " ");
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> incheon(Path data) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Path file = data.resolve("complaints/incheon_junggu_complaints_train.jsonl");
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank())
                    .map(l -> json.readTree(l).path("content").asString(""))
                    .filter(t -> t.length() >= 500 && t.length() <= 1500)
                    .toList();
        }
    }
}
