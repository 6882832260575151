package kr.mokmin.triage.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import kr.mokmin.support.MutableClock;
import kr.mokmin.triage.facts.ExtractiveSummarizer;

class WinnowingDuplicateIndexTest {

    private static final String PARKING = "금촌역 앞 시청로 50 상가 앞에 매일 저녁 7시부터 밤 11시까지 화물차 여러 대가 불법으로 주차되어 있어 "
            + "보행자와 아이들이 차도로 걸어 다니고 있습니다. 여러 번 신고했지만 단속이 되지 않습니다. 야간 단속과 "
            + "주차금지 표지판 설치를 요청합니다.";
    private static final String STREETLIGHT = "교하동 운정중앙공원 산책로의 가로등 다섯 개가 보름째 꺼져 있어 밤에 산책하는 주민들이 "
            + "넘어질 뻔한 일이 여러 번 있었습니다. 공원 관리 부서에서 가로등을 점검하고 수리해 주시기 바랍니다.";
    private static final String NOISE = "운정3동 아파트 단지 옆 공사장에서 새벽 6시부터 굴착기 소음이 심합니다. 공사 시간 제한 규정을 "
            + "지키는지 확인하고 소음 측정을 해 주세요. 주말에도 공사를 합니다.";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
    private final WinnowingDuplicateIndex index = new WinnowingDuplicateIndex(
            WinnowingDuplicateIndex.Settings.defaults().withWindow(Duration.ofDays(90)), new ExtractiveSummarizer(),
            clock);

    private void add(String receiptNo, String title, String body, Set<String> places) {
        index.add(new RecentComplaint(receiptNo, title, body, places, "D1", clock.instant()));
    }

    @Test
    void aRefilingWithOtherGreetingsSpacingAndAnAddedLineIsADuplicate() {
        add("2026-000001", "불법 주차 단속 요청", PARKING, Set.of("landmark:금촌역", "road:시청로50"));
        add("2026-000002", "가로등 고장", STREETLIGHT, Set.of("landmark:운정중앙공원"));
        add("2026-000003", "공사장 소음", NOISE, Set.of("dong:운정3동"));

        String refiled = "안녕하세요 수고 많으십니다.\n" + PARKING.replace(" ", "").replace("여러 번", "몇번이나")
                + "\n지난달에도 민원을 넣었는데 해결이 안 되어 다시 올립니다. 감사합니다.";
        List<SimilarComplaint> similar = index.similar("[재민원] 불법주차", refiled, Set.of("road:시청로50"), 5);

        assertThat(similar).first().satisfies(s -> {
            assertThat(s.receiptNo()).isEqualTo("2026-000001");
            assertThat(s.duplicate()).isTrue();
            assertThat(s.samePlace()).isTrue();
            assertThat(s.similarity()).isGreaterThan(0.5);
        });
        assertThat(similar).extracting(SimilarComplaint::receiptNo).doesNotContain("2026-000002", "2026-000003");
    }

    @Test
    void aPartialCopyIsADuplicateAndADifferentComplaintIsNot() {
        add("A", "불법 주차", PARKING, Set.of());
        List<SimilarComplaint> partial = index.similar("", PARKING.substring(PARKING.length() / 3), Set.of(), 5);
        assertThat(partial).singleElement().satisfies(s -> assertThat(s.duplicate()).isTrue());

        List<SimilarComplaint> other = index.similar("가로등", STREETLIGHT, Set.of(), 5);
        assertThat(other).isEmpty();
    }

    @Test
    void theSamePlaceLowersTheBarButTheSameDongDoesNot() {
        String first = "금촌역 사거리 횡단보도 신호등이 고장나서 깜빡이지 않습니다. 빨리 고쳐 주세요.";
        String second = "금촌역 사거리 횡단보도 신호등이 고장나서 깜빡이지 않습니다. 어제부터 그렇고 아이들 등굣길이 위험하니 점검 바랍니다.";
        add("A", "", first, Set.of("landmark:금촌역", "dong:금촌동"));
        SimilarComplaint atPlace = index.similar("", second, Set.of("landmark:금촌역"), 5).getFirst();
        SimilarComplaint inDong = index.similar("", second, Set.of("dong:금촌동"), 5).getFirst();

        assertThat(atPlace.similarity()).isBetween(0.35, 0.5); // below the plain threshold, above the same-place one
        assertThat(atPlace.samePlace()).isTrue();
        assertThat(atPlace.duplicate()).isTrue();
        assertThat(inDong.similarity()).isEqualTo(atPlace.similarity());
        assertThat(inDong.samePlace()).isFalse();
        assertThat(inDong.duplicate()).isFalse();
    }

    @Test
    void groupsAreConnectedDuplicatesLargestFirstLabelledBySummary() {
        add("P1", "시청로 불법 주차 단속 요청", PARKING, Set.of());
        add("N1", "공사장 소음 민원", NOISE, Set.of());
        add("P2", "불법주차", "안녕하세요. " + PARKING + " 빨리 처리해 주세요.", Set.of());
        add("S1", "가로등 고장", STREETLIGHT, Set.of());
        add("N2", "소음", NOISE.replace("새벽 6시", "아침 6시"), Set.of());
        add("P3", "", PARKING.substring(0, PARKING.length() * 2 / 3), Set.of());

        List<DuplicateIndex.ComplaintGroup> groups = index.groups();

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).receiptNos()).containsExactly("P1", "P2", "P3");
        assertThat(groups.get(0).label()).isNotBlank();
        assertThat(groups.get(1).receiptNos()).containsExactly("N1", "N2");
        assertThat(groups.get(1).label()).contains("소음");
    }

    @Test
    void removingAComplaintTakesItOutOfResultsAndGroups() {
        add("P1", "", PARKING, Set.of("road:시청로50"));
        add("P2", "", PARKING + " 다시 요청합니다.", Set.of("road:시청로50"));
        index.remove("P1");

        assertThat(index.similar("", PARKING, Set.of("road:시청로50"), 5)).extracting(SimilarComplaint::receiptNo)
                .containsExactly("P2");
        assertThat(index.groups()).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void complaintsOlderThanTheWindowAreForgotten() {
        add("OLD", "", PARKING, Set.of());
        clock.advance(Duration.ofDays(60));
        add("MID", "", PARKING + " 두 번째입니다.", Set.of());
        clock.advance(Duration.ofDays(40)); // OLD is 100 days old, MID 40

        assertThat(index.similar("", PARKING, Set.of(), 5)).extracting(SimilarComplaint::receiptNo)
                .containsExactly("MID");
        add("NEW", "", NOISE, Set.of()); // a write evicts
        assertThat(index.receiptNos()).containsExactly("MID", "NEW");
        index.add(new RecentComplaint("ANCIENT", "", PARKING, Set.of(), "D1", clock.instant().minus(Duration.ofDays(91))));
        assertThat(index.receiptNos()).doesNotContain("ANCIENT");
    }

    @Test
    void theOldestGoFirstBeyondMaxEntries() {
        WinnowingDuplicateIndex small = new WinnowingDuplicateIndex(
                WinnowingDuplicateIndex.Settings.defaults().withMaxEntries(2), new ExtractiveSummarizer(), clock);
        small.add(new RecentComplaint("1", "", PARKING, Set.of(), "D", clock.instant().minusSeconds(30)));
        small.add(new RecentComplaint("2", "", NOISE, Set.of(), "D", clock.instant().minusSeconds(20)));
        small.add(new RecentComplaint("3", "", STREETLIGHT, Set.of(), "D", clock.instant().minusSeconds(10)));

        assertThat(small.receiptNos()).containsExactly("2", "3");
        assertThat(small.similar("", PARKING, Set.of(), 5)).isEmpty();
    }

    @Test
    void addingTheSameReceiptAgainReplacesIt() {
        add("X", "", PARKING, Set.of());
        add("X", "", NOISE, Set.of());
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.similar("", PARKING, Set.of(), 5)).isEmpty();
        assertThat(index.similar("", NOISE, Set.of(), 5)).extracting(SimilarComplaint::receiptNo).containsExactly("X");
    }

    @Test
    void concurrentAddsAndQueriesLoseNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        String body = "민원 " + thread + "-" + i + " " + (i % 2 == 0 ? PARKING : NOISE) + " 번호 " + i * 7919;
                        index.add(new RecentComplaint(thread + "-" + i, "", body, Set.of(), "D", clock.instant()));
                        index.similar("", body, Set.of(), 3);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.size()).isEqualTo(1000);
        assertThat(index.similar("", "민원 2-17 " + NOISE + " 번호 " + 17 * 7919, Set.of(), 1))
                .first().satisfies(s -> assertThat(s.duplicate()).isTrue());
        int grouped = index.groups().stream().mapToInt(g -> g.receiptNos().size()).sum();
        assertThat(grouped).isEqualTo(1000); // every complaint is one of two templates
    }
}
