package kr.mokmin.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import kr.mokmin.common.MokminException;

class IntakeValidatorTest {

    static Taxonomy taxonomy;

    @BeforeAll
    static void load() throws IOException {
        taxonomy = TaxonomyStore.parse(new ClassPathResource("taxonomy/default.yml").getInputStream().readAllBytes());
    }

    static NewComplaint of(String title, String body, String phone, String email, Double lat, Double lon) {
        return new NewComplaint(title, body, Channel.WEB, new Complaint.Contact("이름", phone, email),
                new Complaint.Location(null, lat, lon), null);
    }

    @Test
    void normalisesDecomposedHangulAndStripsControlCharacters() {
        String decomposed = Normalizer.normalize("도로 파손", Normalizer.Form.NFD);
        var valid = IntakeValidator.validate(of(decomposed + "\u0000", " 내용\u0007 ", null, null, null, null),
                taxonomy);
        assertThat(valid.title()).isEqualTo("도로 파손");
        assertThat(valid.body()).isEqualTo("내용");
    }

    @Test
    void acceptsKoreanPhoneFormats() {
        for (String phone : List.of("010-1234-5678", "01012345678", "02-123-4567", "031 940 4114", "0505-123-4567",
                "070-1234-5678")) {
            assertThat(IntakeValidator.validate(of("t", "b", phone, null, null, null), taxonomy).contact().phone())
                    .isEqualTo(phone);
        }
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> IntakeValidator.validate(of(" ", "가".repeat(10_001), "1234", "not-an-email",
                91.0, null), taxonomy))
                .isInstanceOfSatisfying(MokminException.class, e -> {
                    @SuppressWarnings("unchecked")
                    var errors = (List<Map<String, String>>) e.properties().get("errors");
                    assertThat(errors).extracting(m -> m.get("field")).containsExactlyInAnyOrder("title", "body",
                            "contact.phone", "contact.email", "location", "location.latitude");
                });
    }

    @Test
    void theBundledTaxonomyIsValidAndConsistent() {
        assertThat(taxonomy.problems()).isEmpty();
        assertThat(taxonomy.city().name()).isEqualTo("파주시");
        assertThat(taxonomy.departmentNames()).containsValues("교통정책과", "도로관리과", "자원순환과", "환경보전과",
                "건축과", "복지정책과", "민원여권과");
        assertThat(taxonomy.department(taxonomy.routingDepartment())).isPresent();
        assertThat(taxonomy.services()).filteredOn(s -> s.type() == ComplaintType.STATUTORY)
                .allSatisfy(s -> assertThat(s.period()).isNotNull());
    }

    @Test
    void aBrokenTaxonomyIsRefusedWithReasons() {
        String yaml = """
                city: {name: 시험시}
                routingDepartment: NOPE
                departments:
                  - {code: A, name: 가과}
                  - {code: A, name: 나과}
                services:
                  - {code: S, name: 서비스, department: B, period: 3weeks}
                """;
        assertThatThrownBy(() -> TaxonomyStore.parse(yaml.getBytes()))
                .hasMessageContaining("duplicate department code A")
                .hasMessageContaining("routingDepartment NOPE")
                .hasMessageContaining("unknown department B")
                .hasMessageContaining("period '3weeks'");
        assertThatThrownBy(() -> TaxonomyStore.parse("departments: [1, 2".getBytes()))
                .isInstanceOf(MokminException.class);
    }
}
