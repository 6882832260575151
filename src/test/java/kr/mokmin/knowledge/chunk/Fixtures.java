package kr.mokmin.knowledge.chunk;

import kr.mokmin.search.DocumentKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test documents under {@code src/test/resources/kr/mokmin/knowledge/chunk/} (see the README there): real
 * statutes and ordinances copied verbatim, a plain-text ordinance in the shape HWP extraction gives, and
 * two short guides written for these tests.
 */
final class Fixtures {

    record Fixture(String name, DocumentKind kind, String text) {
        ChunkSource source() {
            return ChunkSource.of(text, kind);
        }
    }

    static final String MINWON = "laws/민원처리에관한법률-법률.md";
    static final String MINWON_DECREE = "laws/민원처리에관한법률-시행령.md";
    static final String PARKING_ACT = "laws/주차장법-법률.md";
    static final String CIVIL_SERVANTS_SUPPLEMENT = "laws/지방공무원법-부칙-발췌.md";
    static final String PAJU_PARKING = "ordinances/파주시 주차장 설치 및 관리 조례.md";
    static final String GOYANG_HOUSING = "ordinances/고양시 공동주택관리 조례.md";
    static final String PAJU_SINGLE = "ordinances/파주시 1인 가구 지원 조례.md";
    static final String PAJU_WASTE_RULE = "ordinances/파주시 폐기물 관리에 관한 조례 시행규칙.md";
    static final String PAJU_FEES_PLAIN = "plain/파주시 제증명 등 수수료 징수 조례 (HWP 추출 형식).txt";
    static final String FAQ = "guides/민원 자주 묻는 질문.md";
    static final String GUIDE = "guides/거주자우선주차 신청 안내.md";

    private Fixtures() {
    }

    /** The document text: the file in NFC, without its YAML front matter. */
    static String text(String name) {
        String raw = read(name);
        if (raw.startsWith("---\n")) {
            int end = raw.indexOf("\n---\n", 4);
            raw = raw.substring(end + 5);
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFC);
    }

    static Fixture fixture(String name, DocumentKind kind) {
        return new Fixture(name, kind, text(name));
    }

    static List<Fixture> all() {
        List<Fixture> all = new ArrayList<>();
        for (String law : List.of(MINWON, MINWON_DECREE, PARKING_ACT, CIVIL_SERVANTS_SUPPLEMENT)) {
            all.add(fixture(law, DocumentKind.STATUTE));
        }
        for (String ordinance : List.of(PAJU_PARKING, GOYANG_HOUSING, PAJU_SINGLE, PAJU_FEES_PLAIN)) {
            all.add(fixture(ordinance, DocumentKind.ORDINANCE));
        }
        all.add(fixture(PAJU_WASTE_RULE, DocumentKind.RULE));
        all.add(fixture(FAQ, DocumentKind.FAQ));
        all.add(fixture(GUIDE, DocumentKind.GUIDELINE));
        all.add(fixture(GUIDE, DocumentKind.WELFARE));
        all.add(fixture(MINWON, DocumentKind.OTHER)); // 조 found in an "other" document: legal structure
        all.add(fixture(PAJU_PARKING, DocumentKind.FAQ)); // 조례 text read as a guide still chunks cleanly
        return all;
    }

    private static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
