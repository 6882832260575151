package kr.mokmin.triage.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Features, training, calibration and the model file, on made-up complaints (plain Java, no Spring). */
class RouterModelTest {

    private final FeatureExtractor extractor = new FeatureExtractor(FeatureExtractor.DEFAULT);

    private RouterTrainer.Result train(List<RouterTrainer.Example> examples, List<String> extra) {
        return RouterTrainer.train(examples, extra, RouterTrainer.Options.product(), extractor);
    }

    private static String top(RouterModel model, FeatureExtractor fx, String title, String body) {
        double[] p = model.probabilities(fx.extract(title, body));
        return RouterTrainer.ranking(p, model.labels(), 1).getFirst();
    }

    @Test
    void featuresIgnoreSpacingAndDigitsButNotWords() {
        SparseVector a = extractor.extract("불법주차 신고", "010-1234-5678 금촌동 불법 주차");
        SparseVector b = extractor.extract("불법주차 신고", "010-9876-5432 금촌동 불법 주차");
        SparseVector c = extractor.extract("가로등 고장", "금촌동 골목 가로등이 꺼졌어요");
        Idf idf = Idf.uniform(extractor.dimensions());
        assertThat(idf.weigh(a).dot(idf.weigh(b))).isCloseTo(1.0, within(1e-6));
        assertThat(idf.weigh(a).dot(idf.weigh(c))).isLessThan(0.5);
        assertThat(idf.weigh(a).norm()).isCloseTo(1.0, within(1e-5));
        assertThat(extractor.extract("", "").size()).isZero();
        assertThat(extractor.extract(null, null).size()).isZero();
    }

    @Test
    void learnsDepartmentsFromExamplesAndGeneralisesToNewPhrasing() {
        RouterModel model = train(RoutingFixtures.examples(), List.of()).model();
        assertThat(top(model, extractor, "주차 단속해 주세요", "우리 집 앞 인도에 불법주차 차량 때문에 유모차가 못 지나갑니다"))
                .isEqualTo("TRAFFIC_ADMIN");
        assertThat(top(model, extractor, "밤에 냄새가 너무 납니다", "근처 공장 악취 때문에 머리가 아파요"))
                .isEqualTo("ENVIRONMENT");
        assertThat(top(model, extractor, "길이 파였어요", "아파트 입구 도로에 포트홀이 생겼습니다"))
                .isEqualTo("ROAD_MANAGEMENT");
        double[] p = model.probabilities(extractor.extract("공원 운동기구 고장", "운동기구가 부서졌습니다"));
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void reportsOutOfFoldMetricsAndACalibratedTemperature() {
        RouterTrainer.Report report = train(RoutingFixtures.examples(), List.of()).report();
        assertThat(report.examples()).isEqualTo(96);
        assertThat(report.classes()).isEqualTo(6);
        assertThat(report.top1()).isGreaterThan(0.9);
        assertThat(report.top3()).isGreaterThanOrEqualTo(report.top1());
        assertThat(report.temperature()).isBetween(0.05, 20.0);
        assertThat(report.ece()).isBetween(0.0, 1.0);
        assertThat(report.asMap()).containsKeys("cvTop1", "cvMacroF1", "ece", "brier", "temperature");
    }

    @Test
    void temperatureScalingRecoversAnOverconfidentModel() {
        // Logits 4× too sharp: the true class is right 70 % of the time, the model says ~99 %.
        Random random = new Random(1);
        List<Calibration.Scored> scored = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int truth = random.nextDouble() < 0.7 ? 0 : 1;
            scored.add(new Calibration.Scored(new double[] {4 * Math.log(0.7 / 0.3), 0}, truth));
        }
        double t = Calibration.fitTemperature(scored);
        assertThat(t).isCloseTo(4.0, within(0.4));
        List<Calibration.Outcome> raw = new ArrayList<>();
        List<Calibration.Outcome> calibrated = new ArrayList<>();
        for (Calibration.Scored s : scored) {
            double[] p = new double[2];
            LinearModel.softmax(s.logits(), 1, p);
            raw.add(new Calibration.Outcome(p, s.truth()));
            double[] q = new double[2];
            LinearModel.softmax(s.logits(), t, q);
            calibrated.add(new Calibration.Outcome(q, s.truth()));
        }
        assertThat(Calibration.expectedCalibrationError(calibrated))
                .isLessThan(Calibration.expectedCalibrationError(raw) / 4);
        assertThat(Calibration.brier(calibrated)).isLessThan(Calibration.brier(raw));
    }

    @Test
    void onlineCorrectionMakesTheCorrectedDepartmentWinForThatText() {
        RouterModel model = train(RoutingFixtures.examples(), List.of("SEWER")).model();
        String title = "빗물받이가 막혀서 물이 넘칩니다";
        String body = "비만 오면 도로 빗물받이가 막혀 물바다가 됩니다";
        assertThat(top(model, extractor, title, body)).isNotEqualTo("SEWER");
        assertThat(model.learn(extractor.extract(title, body), "SEWER")).isTrue();
        assertThat(top(model, extractor, title, body)).isEqualTo("SEWER");
        assertThat(model.examples("SEWER")).isEqualTo(1);
        assertThat(model.learn(extractor.extract(title, body), "NOT_A_CLASS")).isFalse();
        // the rest of what it knew is still there
        assertThat(top(model, extractor, "불법주차 단속", "소화전 앞 불법 주정차 차량")).isEqualTo("TRAFFIC_ADMIN");
    }

    @Test
    void modelFileRoundTripGivesTheSameProbabilities() throws IOException {
        RouterModel model = train(RoutingFixtures.examples(), List.of("SEWER")).model();
        model.learn(extractor.extract("새 단어 맨홀뚜껑", "맨홀뚜껑이 덜컹거립니다"), "ROAD_MANAGEMENT");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(model, out);
        RouterModel read = ModelFile.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.labels()).containsExactly(model.labels());
        assertThat(read.temperature()).isEqualTo(model.temperature());
        assertThat(read.featureConfig()).isEqualTo(model.featureConfig());
        assertThat(read.examples("ROAD_MANAGEMENT")).isEqualTo(model.examples("ROAD_MANAGEMENT"));
        for (RouterTrainer.Example e : RoutingFixtures.examples().subList(0, 20)) {
            SparseVector tf = extractor.extract(e.title(), e.body());
            assertThat(read.probabilities(tf)).containsExactly(model.probabilities(tf), within(1e-12));
        }
    }

    @Test
    void aDamagedModelFileIsRefused() {
        byte[] junk = "not a model at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(junk)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void metricsCountUnseenLabelsAsMissesAndMacroAverageOverLabels() {
        List<ClassificationMetrics.Ranked> results = List.of(
                new ClassificationMetrics.Ranked("A", List.of("A", "B", "C")),
                new ClassificationMetrics.Ranked("A", List.of("B", "A", "C")),
                new ClassificationMetrics.Ranked("B", List.of("B", "A", "C")),
                new ClassificationMetrics.Ranked("Z", List.of("A", "B", "C")));
        ClassificationMetrics.Summary s = ClassificationMetrics.summarize(results, 5);
        assertThat(s.n()).isEqualTo(4);
        assertThat(s.top1()).isEqualTo(0.5);
        assertThat(s.top3()).isEqualTo(0.75);
        // F1: A = 2·1/(2+1+1) = 0.5; B = 2·1/(2+1+0) = 0.667; Z = 0 → mean 0.389
        assertThat(s.macroF1()).isCloseTo((0.5 + 2.0 / 3 + 0) / 3, within(1e-9));
        assertThat(s.confused()).extracting(ClassificationMetrics.Confusion::truth).containsExactly("A", "Z");
    }

    @Test
    void centroidBaselineTrainsAndPredicts() {
        FeatureExtractor chars = new FeatureExtractor(FeatureExtractor.DEFAULT.charsOnly());
        RouterTrainer.Result r = RouterTrainer.train(RoutingFixtures.examples(), List.of(),
                RouterTrainer.Options.centroidBaseline(), chars);
        assertThat(top(r.model(), chars, "가로등 고장", "가로등이 꺼져 있어요")).isEqualTo("ROAD_MANAGEMENT");
    }
}
