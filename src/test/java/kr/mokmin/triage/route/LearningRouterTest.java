package kr.mokmin.triage.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import kr.mokmin.complaint.Taxonomy;
import kr.mokmin.complaint.TaxonomyStore;

/** The router on the bundled taxonomy: cold start, trained + blended, online learning, taxonomy changes, threads. */
class LearningRouterTest {

    static Taxonomy defaultTaxonomy() {
        try (InputStream in = TaxonomyStore.class.getResourceAsStream("/taxonomy/default.yml")) {
            return TaxonomyStore.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final AtomicReference<Taxonomy> taxonomy = new AtomicReference<>(defaultTaxonomy());
    private final LearningRouter router = new LearningRouter(taxonomy::get, FeatureExtractor.DEFAULT);

    private RouterModel trained() {
        List<String> all = taxonomy.get().departments().stream().map(Taxonomy.Department::code).toList();
        return RouterTrainer.train(RoutingFixtures.examples(), all, RouterTrainer.Options.product(),
                router.extractor(FeatureExtractor.DEFAULT)).model();
    }

    @Test
    void coldStartRoutesClearComplaintsByTheTaxonomy() {
        assertThat(router.modelVersion()).isEqualTo("cold-start");
        assertThat(router.route("불법 주정차 신고", "아파트 앞 소화전에 불법주차 차량이 있어요. 단속해 주세요.", 3)
                .getFirst().label()).isEqualTo("TRAFFIC_ADMIN");
        assertThat(router.route("가로등이 꺼졌어요", "골목 가로등 고장으로 밤에 어둡습니다.", 3).getFirst().label())
                .isEqualTo("ROAD_MANAGEMENT");
        assertThat(router.route("대형폐기물 버리는 방법", "헌 소파를 대형폐기물로 버리려면 어떻게 하나요?", 3)
                .getFirst().label()).isEqualTo("RESOURCE_CIRCULATION");
        assertThat(router.route("여권 재발급", "여권을 잃어버려서 재발급 받고 싶습니다.", 3).getFirst().label())
                .isEqualTo("CIVIL_SERVICE");
        assertThat(router.route("수도 요금이 너무 많이 나왔어요", "이번 달 수도요금 고지서 금액이 이상합니다.", 3)
                .getFirst().label()).isEqualTo("WATER_SUPPLY");
    }

    @Test
    void coldStartIsUnsureAboutUnclearComplaintsSoTheyGoToTheRoutingQueue() {
        List<Prediction> clear = router.route("불법 주정차 신고", "소화전 앞 불법주차 차량 단속해 주세요.", 3);
        List<Prediction> vague = router.route("문의드립니다", "안녕하세요. 확인 부탁드립니다. 감사합니다.", 3);
        assertThat(vague.getFirst().confidence()).isLessThan(0.2);
        assertThat(clear.getFirst().confidence()).isGreaterThan(vague.getFirst().confidence() * 2);
        assertThat(clear.getFirst().confidence()).isLessThan(0.8); // never sure from a description alone
        double sum = router.route("아무 내용", "무엇이든", 100).stream().mapToDouble(Prediction::confidence).sum();
        assertThat(sum).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aTrainedModelTakesOverYetDepartmentsWithoutExamplesStayReachable() {
        router.activate(trained(), 1);
        assertThat(router.modelVersion()).isEqualTo("v1");
        List<Prediction> parking = router.route("주차 단속", "상가 앞 인도 불법 주정차 차량 단속 바랍니다", 3);
        assertThat(parking.getFirst().label()).isEqualTo("TRAFFIC_ADMIN");
        assertThat(parking.getFirst().confidence()).isGreaterThan(0.5);
        // 여권 has no training example: the cold start still finds it.
        List<Prediction> passport = router.route("여권 발급 신청", "여권을 새로 발급받으려면 어디로 가야 하나요? 여권 발급", 3);
        assertThat(passport).extracting(Prediction::label).contains("CIVIL_SERVICE");
        double sum = router.route("아무 내용", "무엇이든", 100).stream().mapToDouble(Prediction::confidence).sum();
        assertThat(sum).isLessThanOrEqualTo(1.0 + 1e-9);
    }

    @Test
    void correctionsLearnOnlineAndCountInTheVersion() {
        router.activate(trained(), 3);
        String title = "하수구 냄새와 역류";
        String body = "비가 오면 하수구가 역류하고 빗물받이에서 냄새가 올라옵니다";
        for (int i = 0; i < 3; i++) {
            assertThat(router.learnOnline(title, body, "SEWER")).isTrue();
        }
        assertThat(router.modelVersion()).isEqualTo("v3+3");
        assertThat(router.route(title, body, 1).getFirst().label()).isEqualTo("SEWER");
        assertThatThrownBy(() -> router.learnOnline(title, body, "NO_SUCH_DEPT"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFreshInstallLearnsFromItsFirstCorrections() {
        String title = "동네 고양이 급식소 문의";
        String body = "길고양이 급식소를 설치해도 되는지 궁금합니다";
        router.learn(title, body, "AGRICULTURE");
        router.learn(title, body, "AGRICULTURE");
        assertThat(router.modelVersion()).isEqualTo("v0+2");
        assertThat(router.route(title, body, 1).getFirst().label()).isEqualTo("AGRICULTURE");
    }

    @Test
    void aReplacedTaxonomyIsUsedAtOnce() {
        router.activate(trained(), 1);
        Taxonomy old = taxonomy.get();
        List<Taxonomy.Department> departments = new ArrayList<>(old.departments());
        departments.removeIf(d -> d.code().equals("TRAFFIC_ADMIN"));
        departments.add(new Taxonomy.Department("DRONE", "드론관리팀", "031-000-0000", "드론 비행 승인, 드론 소음",
                List.of("드론", "무인비행장치")));
        taxonomy.set(new Taxonomy(old.city(), old.routingDepartment(), departments, List.of()));
        List<Prediction> drone = router.route("드론 비행 승인", "공원에서 드론을 날리려면 무인비행장치 비행 승인이 필요한가요?", 3);
        assertThat(drone.getFirst().label()).isEqualTo("DRONE");
        List<Prediction> parking = router.route("불법주차 단속", "소화전 앞 불법 주정차 차량", 5);
        assertThat(parking).extracting(Prediction::label).doesNotContain("TRAFFIC_ADMIN");
    }

    @Test
    void routingWhileLearningFromOtherThreadsIsSafe() throws Exception {
        router.activate(trained(), 1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        List<Prediction> p = router.route("불법주차 " + i, "소화전 앞 불법 주정차 차량 " + i, 3);
                        assertThat(p).hasSize(3);
                        assertThat(p.getFirst().confidence()).isBetween(0.0, 1.0);
                    }
                }));
            }
            work.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    // new words every time: rows are added and the weight array grows while others read it
                    router.learnOnline("새로운 민원 유형 " + i + "번 드론택배" + i, "처음 보는 낱말 " + i + " 킥보드" + i,
                            "TRAFFIC_ADMIN");
                }
            }));
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(router.modelVersion()).isEqualTo("v1+50");
    }
}
