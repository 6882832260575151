package kr.mokmin.triage.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each kind of personal information is found, typed and masked in its own style, keeping the text's length. */
class KoreanPiiMaskerTest {

    private final KoreanPiiMasker masker = new KoreanPiiMasker();

    private MaskedText mask(String text) {
        MaskedText m = masker.mask(text);
        assertThat(m.text()).hasSameSizeAs(text);
        return m;
    }

    private void masks(String text, String expected, PiiType type) {
        MaskedText m = mask(text);
        assertThat(m.text()).isEqualTo(expected);
        assertThat(m.spans()).extracting(PiiSpan::type).containsOnly(type);
        assertThat(m.spans()).isNotEmpty();
    }

    @Test
    void residentRegistrationNumberKeepsBirthDateAndSexDigit() {
        masks("주민등록번호 900101-1234568 입니다", "주민등록번호 900101-1****** 입니다", PiiType.RESIDENT_REGISTRATION_NUMBER);
        masks("0303034123453", "0303034******", PiiType.RESIDENT_REGISTRATION_NUMBER);
    }

    @Test
    void aFailedCheckDigitLowersConfidenceButKeepsTheMatch() {
        // numbers issued since October 2020 end in a random digit
        PiiSpan good = masker.detect("900101-1234568").getFirst();
        PiiSpan random = masker.detect("900101-1234567").getFirst();
        assertThat(random.type()).isEqualTo(PiiType.RESIDENT_REGISTRATION_NUMBER);
        assertThat(random.confidence()).isLessThan(good.confidence());
        assertThat(mask("900101-1234567").text()).isEqualTo("900101-1******");
    }

    @Test
    void birthDateMustExistWithTheCenturyFromTheSeventhDigit() {
        assertThat(masker.detect("901301-1234567")).isEmpty(); // month 13
        assertThat(masker.detect("000229-1234567")).isEmpty(); // 1900 was no leap year
        assertThat(masker.detect("000229-3234567")).extracting(PiiSpan::type)
                .containsExactly(PiiType.RESIDENT_REGISTRATION_NUMBER); // 2000 was
    }

    @Test
    void alienRegistrationNumbersHaveSevenDigitsFiveToEight() {
        masks("외국인등록번호 900101-5123452", "외국인등록번호 900101-5******", PiiType.ALIEN_REGISTRATION_NUMBER);
    }

    @Test
    void phoneNumbersMaskTheirMiddleGroupWhateverTheSeparators() {
        masks("연락처 010-1234-5678", "연락처 010-****-5678", PiiType.PHONE_NUMBER);
        masks("02-123-4567", "02-***-4567", PiiType.PHONE_NUMBER);
        masks("031.929.4691", "031.***.4691", PiiType.PHONE_NUMBER);
        masks("010 1234 5678", "010 **** 5678", PiiType.PHONE_NUMBER);
        masks("01012345678", "010****5678", PiiType.PHONE_NUMBER);
        masks("+82 10-1234-5678", "+82 10-****-5678", PiiType.PHONE_NUMBER);
        masks("(02) 123-4567", "(02) ***-4567", PiiType.PHONE_NUMBER);
        masks("070-1234-5678, 0505-123-4567", "070-****-5678, 0505-***-4567", PiiType.PHONE_NUMBER);
        masks("011-234-5678", "011-***-5678", PiiType.PHONE_NUMBER);
    }

    @Test
    void localNumbersWithoutAreaCodeOnlyNextToAPhoneWord() {
        masks("문의: 건축과(☎940-1234)", "문의: 건축과(☎***-1234)", PiiType.PHONE_NUMBER);
        masks("보육지원팀(940-5678)로 문의주시면", "보육지원팀(***-5678)로 문의주시면", PiiType.PHONE_NUMBER);
        assertThat(masker.detect("지번 940-1234 일대")).isEmpty();
    }

    @Test
    void businessRepresentativeNumbersAreNoPersonalInformation() {
        // 15xx/16xx/18xx and 080 belong to businesses and public bodies, never to a person
        assertThat(masker.detect("대표번호 1588-1234, 1644-5678, 080-123-4567로 전화")).isEmpty();
    }

    @Test
    void emailKeepsTwoCharactersAndTheDomain() {
        masks("메일 hong123@example.com 으로", "메일 ho*****@example.com 으로", PiiType.EMAIL);
        masks("a.b@mail.go.kr.", "a.*@mail.go.kr.", PiiType.EMAIL);
    }

    @Test
    void cardNumbersNeedLuhnAndKeepIssuerAndLastFour() {
        masks("카드 4111-1111-1111-1111", "카드 4111-11**-****-1111", PiiType.CARD_NUMBER);
        masks("3782 822463 10005", "3782 82**** *0005", PiiType.CARD_NUMBER);
        assertThat(masker.detect("4111-1111-1111-1112")).isEmpty();
    }

    @Test
    void bankAccountsOnlyNextToAnAccountWord() {
        masks("국민은행 계좌 123-456-789012로 입금", "국민은행 계좌 123-***-***012로 입금", PiiType.BANK_ACCOUNT);
        masks("3333012345678 (카카오뱅크)", "333*******678 (카카오뱅크)", PiiType.BANK_ACCOUNT);
        assertThat(masker.detect("관리번호 123-456-789012")).isEmpty();
    }

    @Test
    void businessRegistrationNumbersByCheckDigit() {
        masks("123-45-67891", "123-45-*****", PiiType.BUSINESS_REGISTRATION_NUMBER);
        assertThat(masker.detect("123-45-67890")).isEmpty(); // check digit fails, no 사업자 nearby
        masks("사업자등록번호 1234567891", "사업자등록번호 12345*****", PiiType.BUSINESS_REGISTRATION_NUMBER);
    }

    @Test
    void driverLicenceByRegionCodeOrOldRegionName() {
        masks("면허번호 11-91-123456-12", "면허번호 11-91-******-**", PiiType.DRIVER_LICENSE_NUMBER);
        masks("서울 91-123456-12", "서울 91-******-**", PiiType.DRIVER_LICENSE_NUMBER);
        assertThat(masker.detect("29-91-123456-12")).isEmpty(); // no region 29
    }

    @Test
    void healthInsuranceNumbersOnlyAfterTheirName() {
        masks("건강보험증 번호 12345678901", "건강보험증 번호 12*********", PiiType.HEALTH_INSURANCE_NUMBER);
        assertThat(masker.detect("번호 12345678901")).isEmpty();
    }

    @Test
    void passportsCurrentElectronicAndOldForms() {
        masks("여권번호 M12345678", "여권번호 M123*****", PiiType.PASSPORT_NUMBER);
        masks("M123A4567", "M123*****", PiiType.PASSPORT_NUMBER);
        assertThat(masker.detect("JR1234567")).isEmpty(); // the old form only with 여권 in front
        masks("여권 JR1234567", "여권 JR12*****", PiiType.PASSPORT_NUMBER);
        PiiSpan bare = masker.detect("M12345678").getFirst();
        PiiSpan named = masker.detect("여권 M12345678").getFirst();
        assertThat(named.confidence()).isGreaterThan(bare.confidence());
    }

    @Test
    void vehiclePlatesKeepClassAndLetter() {
        masks("차량 12가3456 주차", "차량 12가**** 주차", PiiType.VEHICLE_PLATE);
        masks("123가4567", "123가****", PiiType.VEHICLE_PLATE);
        masks("서울12가3456", "서울12가****", PiiType.VEHICLE_PLATE);
        masks("영업용 34바1234, 렌터카 56허7890", "영업용 34바****, 렌터카 56허****", PiiType.VEHICLE_PLATE);
        masks("경기34러 5678호", "경기34러 ****호", PiiType.VEHICLE_PLATE);
    }

    @Test
    void addressesKeepTheRoadNameAndMaskNumbers() {
        masks("파주시 시청로 50, 101동 1203호", "파주시 시청로 **, ***동 ****호", PiiType.ADDRESS);
        masks("한빛아파트 101동 1203호에 삽니다", "한빛아파트 ***동 ****호에 삽니다", PiiType.ADDRESS);
        masks("금촌동 123-4번지 2층 201호", "금촌동 ***-*번지 *층 ***호", PiiType.ADDRESS);
        masks("101동 1203호", "***동 ****호", PiiType.ADDRESS);
        masks("행복빌라 B동 302호", "행복빌라 B동 ***호", PiiType.ADDRESS);
        masks("시청로50번길 12, 3층 301호", "시청로50번길 **, *층 ***호", PiiType.ADDRESS);
    }

    @Test
    void placesWithoutAHouseholdStayReadable() {
        // officers and the fact extractor need to know where the pothole is
        assertThat(masker.detect("시청로 50 앞 가로등이 꺼져 있습니다")).isEmpty();
        assertThat(masker.detect("푸르지오 104동 옆 공사 소음")).isEmpty();
        assertThat(masker.detect("금촌동 123-45번지 토지")).isEmpty();
    }

    @Test
    void namesAfterCuesKeepSurnameAndLastSyllable() {
        masks("성명: 홍길동", "성명: 홍*동", PiiType.PERSON_NAME);
        masks("이름 : 남궁민수", "이름 : 남궁**", PiiType.PERSON_NAME);
        masks("성명 김철", "성명 김*", PiiType.PERSON_NAME);
        masks("저는 홍길동입니다.", "저는 홍*동입니다.", PiiType.PERSON_NAME);
        masks("신청인 김철수", "신청인 김*수", PiiType.PERSON_NAME);
        masks("담당자 이영희 주무관", "담당자 이*희 주무관", PiiType.PERSON_NAME);
        masks("박민호과장 최은지씨는", "박*호과장 최*지씨는", PiiType.PERSON_NAME);
        masks("감사팀장 윤서준)한 결과", "감사팀장 윤*준)한 결과", PiiType.PERSON_NAME);
        masks("홍길동 올림", "홍*동 올림", PiiType.PERSON_NAME);
    }

    @Test
    void roleWordsAndPublicOfficeHoldersAreNotNames() {
        assertThat(masker.detect("저는 주민입니다. 저는 공무원입니다.")).isEmpty();
        assertThat(masker.detect("중구청장 홍길동님께")).isEmpty();
        assertThat(masker.detect("신포공영주차장 앞 노상주차장, 공사장 옆")).isEmpty();
        assertThat(masker.detect("담당자는 마치 모르는 척, 허위 과장 광고, 하지만 원장님은")).isEmpty();
        assertThat(masker.detect("윤회장님의 도움, 노조위원장에게")).isEmpty();
    }

    @Test
    void messyRealLookingTextMasksEverythingAndNothingElse() {
        String text = "안녕하세요. 저는 김민수입니다.\n"
                + "2026.11.23 14:30경 시청로 50, 101동 1203호 앞에 12가3456 차량이 1,500,000원짜리 화단을 망가뜨렸습니다.\n"
                + "연락처:０１０－９８７６－５４３２ / 메일 minsu.kim@example.kr\n"
                + "민원번호 2026-000123, 도로법 제12조제2항 참고. 담당 박지훈 주무관님 연락 바랍니다.";
        MaskedText m = mask(text);
        assertThat(m.spans()).extracting(PiiSpan::type).containsExactly(PiiType.PERSON_NAME, PiiType.ADDRESS,
                PiiType.VEHICLE_PLATE, PiiType.PHONE_NUMBER, PiiType.EMAIL, PiiType.PERSON_NAME);
        assertThat(m.text()).isEqualTo("안녕하세요. 저는 김*수입니다.\n"
                + "2026.11.23 14:30경 시청로 **, ***동 ****호 앞에 12가**** 차량이 1,500,000원짜리 화단을 망가뜨렸습니다.\n"
                + "연락처:０１０－****－５４３２ / 메일 mi*******@example.kr\n"
                + "민원번호 2026-000123, 도로법 제12조제2항 참고. 담당 박*훈 주무관님 연락 바랍니다.");
    }

    @Test
    void spansPointAtTheSamePlaceInOriginalAndMaskedText() {
        String text = "성명: 홍길동, 전화 010-1234-5678";
        MaskedText m = mask(text);
        List<String> original = m.spans().stream().map(s -> text.substring(s.start(), s.end())).toList();
        List<String> masked = m.spans().stream().map(s -> m.text().substring(s.start(), s.end())).toList();
        assertThat(original).containsExactly("홍길동", "010-1234-5678");
        assertThat(masked).containsExactly("홍*동", "010-****-5678");
    }
}
