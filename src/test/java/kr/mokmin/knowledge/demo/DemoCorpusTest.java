package kr.mokmin.knowledge.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.knowledge.demo.DemoDocument.Audience;
import org.junit.jupiter.api.Test;

/** The manifest and the files under {@code demo/knowledge/} agree with each other and with the front matter. */
class DemoCorpusTest {

    /** The day the corpus was assembled: texts effective after it carry a note. */
    private static final LocalDate ASSEMBLED = LocalDate.of(2026, 11, 23);

    private static final DemoCorpus CORPUS = DemoCorpus.load();

    private static Path root() throws URISyntaxException {
        URL url = DemoCorpusTest.class.getClassLoader().getResource(DemoCorpus.ROOT);
        assertThat(url).isNotNull();
        assertThat(url.getProtocol()).isEqualTo("file"); // tests run from target/classes
        return Path.of(url.toURI());
    }

    @Test
    void everyFileIsListedAndEveryListedFileExists() throws IOException, URISyntaxException {
        Path root = root();
        Set<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("manifest.yml") && !p.equals("README.md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = CORPUS.documents().stream().map(DemoDocument::path)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).hasSize(CORPUS.documents().size()); // no duplicates
        assertThat(files).isEqualTo(listed);
        assertThat(files).allMatch(p -> p.endsWith(".md"));
    }

    @Test
    void onlyPublicDomainLegalTextsAreShipped() throws IOException, URISyntaxException {
        // 법령 and 자치법규 only (저작권법 제7조); nothing from the unlicensed complaint, petition, city-web or easylaw data
        assertThat(CORPUS.documents()).allSatisfy(d -> {
            assertThat(d.path()).matches("(laws/[^/]+/(법률|시행령|시행규칙|대통령령)|ordinances/(paju|goyang)/(조례|규칙)/[^/]+)\\.md");
            assertThat(d.kind()).isIn(DocumentKind.STATUTE, DocumentKind.ORDINANCE, DocumentKind.RULE);
            assertThat(d.source()).startsWith("https://www.law.go.kr/");
            assertThat(d.audience()).isEqualTo(Audience.PUBLIC);
        });
        long bytes;
        try (Stream<Path> walk = Files.walk(root())) {
            bytes = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(bytes).isLessThan(15L * 1024 * 1024);
        String readme = Files.readString(root().resolve("README.md"));
        assertThat(readme).contains("저작권법", "제7조", "MIT", "legalize-kr", "ordinance-kr");
    }

    @Test
    void theMunicipalAndStatutoryCoreIsThere() {
        Set<String> titles = CORPUS.documents().stream().map(DemoDocument::title).collect(Collectors.toSet());
        assertThat(titles).contains(
                "민원 처리에 관한 법률", "민원 처리에 관한 법률 시행령", "민원 처리에 관한 법률 시행규칙",
                "행정절차법", "주차장법", "폐기물관리법", "건축법", "국민기초생활 보장법", "기초연금법", "긴급복지지원법",
                "주민등록법", "옥외광고물 등의 관리와 옥외광고산업 진흥에 관한 법률", "소음ㆍ진동관리법", "하수도법",
                "장사 등에 관한 법률", "공동주택관리법", "장애인복지법", "노인복지법", "한부모가족지원법", "개인정보 보호법",
                "행정심판법", "행정기본법", "지방자치법", "관공서의 공휴일에 관한 규정", "도로교통법");
        Map<String, Long> byIssuer = CORPUS.documents().stream()
                .filter(d -> d.kind() != DocumentKind.STATUTE)
                .collect(Collectors.groupingBy(DemoDocument::issuer, Collectors.counting()));
        assertThat(byIssuer).containsEntry("파주시", 29L).containsEntry("고양시", 10L);
    }

    @Test
    void manifestAgreesWithEachFilesFrontMatter() {
        List<DemoEntry> entries = CORPUS.entries().toList();

        assertThat(entries).allSatisfy(e -> {
            DemoDocument d = e.document();
            Map<String, Object> fm = e.frontMatter();
            String what = d.path();
            boolean municipal = fm.containsKey("자치법규명");
            if (municipal) {
                assertThat(fm.get("자치법규명")).as(what).isEqualTo(d.title());
                assertThat(fm.get("자치법규종류")).as(what).isEqualTo(d.type());
                assertThat(d.kind()).as(what).isEqualTo("조례".equals(d.type()) ? DocumentKind.ORDINANCE : DocumentKind.RULE);
                assertThat(((Map<?, ?>) fm.get("지자체구분")).get("기초")).as(what).isEqualTo(d.issuer());
                assertThat(fm.get("자치법규ID")).as(what).isEqualTo(d.sourceId());
                assertThat(fm.get("담당부서")).as(what).isEqualTo(d.department() == null ? "" : d.department());
            } else {
                assertThat(fm.get("제목")).as(what).isEqualTo(d.title());
                assertThat(fm.get("법령구분")).as(what).isEqualTo(d.type());
                assertThat(d.kind()).as(what).isEqualTo(DocumentKind.STATUTE);
                assertThat(String.join(", ", ((List<?>) fm.get("소관부처")).stream().map(String::valueOf).toList()))
                        .as(what).isEqualTo(d.issuer());
                assertThat(fm.get("법령ID")).as(what).isEqualTo(d.sourceId());
                assertThat(d.department()).as(what).isNull();
                String file = d.path().substring(d.path().lastIndexOf('/') + 1);
                switch (d.type()) {
                    case "법률" -> assertThat(file).as(what).isEqualTo("법률.md");
                    case "대통령령" -> assertThat(file).as(what).isIn("시행령.md", "대통령령.md");
                    default -> assertThat(file).as(what).isEqualTo("시행규칙.md"); // 부령, 총리령
                }
            }
            assertThat(String.valueOf(fm.get("시행일자"))).as(what).isEqualTo(d.effective().toString());
            assertThat(String.valueOf(fm.get("공포일자"))).as(what).isEqualTo(d.promulgated().toString());
            assertThat(fm.get("출처")).as(what).isEqualTo(d.source());
            assertThat(d.effective().isAfter(ASSEMBLED)).as(what + " note for a text not yet in force")
                    .isEqualTo(d.note() != null);
            assertThat(e.text()).as(what).isEqualTo(Normalizer.normalize(e.text(), Normalizer.Form.NFC));
            assertThat(e.text().strip()).as(what).startsWith("# " + d.title().replaceAll("\\s+", " ").substring(0, 2));
        });
    }

    @Test
    void frontMatterIsSplitOffExactly() {
        assertThat(DemoCorpus.splitFrontMatter("---\n제목: 가\n---\n\n# 가\n본문"))
                .containsExactly("제목: 가\n", "\n# 가\n본문");
        assertThat(DemoCorpus.splitFrontMatter("---\r\n제목: 가\r\n---\r\n본문")).containsExactly("제목: 가\r\n", "본문");
        assertThat(DemoCorpus.splitFrontMatter("# 머리말 없음\n---\n")).containsExactly("", "# 머리말 없음\n---\n");
        assertThat(DemoCorpus.splitFrontMatter("---\n닫히지 않음\n본문")).containsExactly("", "---\n닫히지 않음\n본문");
    }

    @Test
    void aMissingManifestIsAClearError() {
        ClassLoader empty = new ClassLoader(null) { };
        assertThatThrownBy(() -> DemoCorpus.load(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo/knowledge/manifest.yml");
    }
}
