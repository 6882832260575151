package kr.mokmin.triage.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RuleFactExtractorTest {

    private final RuleFactExtractor extractor = new RuleFactExtractor();

    private List<String> facts(String text, FactType type) {
        return extractor.extract(text).stream().filter(f -> f.type() == type)
                .map(f -> f.text() + "=" + f.normalized()).toList();
    }

    @Test
    void roadAddressesWithBuildingNumbersAndBranchRoads() {
        assertThat(facts("위치: 인천 중구 서해대로464번길 10 (신흥시장) 옆", FactType.ROAD_ADDRESS))
                .containsExactly("서해대로464번길 10=road:서해대로464번길10");
        assertThat(facts("경기도 파주시 시청로 50 앞 가로등", FactType.ROAD_ADDRESS))
                .containsExactly("시청로 50=road:시청로50");
        assertThat(facts("하우3길 77에 있는 센터, 신포로27번안길 20-1", FactType.ROAD_ADDRESS))
                .containsExactly("하우3길 77=road:하우3길77", "신포로27번안길 20-1=road:신포로27번안길20-1");
    }

    @Test
    void particlesAndAdverbsEndingInRoAreNotRoads() {
        assertThat(facts("버스로 10 정거장, 주차장으로 3 대, 그대로 2 주, 바로 3 번, 차로 5 분 거리, 골목길 3 곳",
                FactType.ROAD_ADDRESS)).isEmpty();
    }

    @Test
    void lotAddressesWithDongOrRi() {
        assertThat(facts("금촌동 123-4 앞에 불법 주차", FactType.LOT_ADDRESS))
                .containsExactly("금촌동 123-4=lot:금촌동123-4");
        assertThat(facts("문산읍 선유리 123번지에서", FactType.LOT_ADDRESS))
                .containsExactly("문산읍 선유리 123번지=lot:문산읍선유리123");
        assertThat(facts("야당동 산 12-3 임야", FactType.LOT_ADDRESS))
                .containsExactly("야당동 산 12-3=lot:야당동산12-3");
    }

    @Test
    void apartmentBuildingsDistancesAndCountsAreNotLotAddresses() {
        assertThat(facts("101동 1203호, 가동 201호, 거리 100 미터, 고양이 3마리, 이동 3 회", FactType.LOT_ADDRESS))
                .isEmpty();
    }

    @Test
    void dongNamesFromTheGazetteerAndThePattern() {
        assertThat(facts("운정1동 주민센터와 교하동에서, 파주읍 일대, 운서동에 사는", FactType.DONG))
                .containsExactly("운정1동=dong:운정1동", "교하동=dong:교하동", "파주읍=dong:파주읍", "운서동=dong:운서동");
        assertThat(facts("신흥동3가 골목", FactType.DONG)).containsExactly("신흥동3가=dong:신흥동3가");
    }

    @Test
    void commonNounsEndingInDongAreNotPlaces() {
        assertThat(facts("이상 행동을 하는 사람, 봉사 활동, 차량 이동, 자동 개폐, 운동을 하다가, 주민 일동, 재이동 요청, 한동안",
                FactType.DONG)).isEmpty();
        assertThat(facts("측면 주차, 정면에서, 냉면을 먹고", FactType.DONG)).isEmpty();
    }

    @Test
    void landmarksNeedANameBeforeTheSuffix() {
        assertThat(facts("금촌역 사거리, 신흥초등학교 앞, 운정중앙공원에서, 한빛마을아파트", FactType.LANDMARK))
                .containsExactly("금촌역=landmark:금촌역", "신흥초등학교=landmark:신흥초등학교",
                        "운정중앙공원=landmark:운정중앙공원", "한빛마을아파트=landmark:한빛마을아파트");
        assertThat(facts("우리 지역에 공원이 없고 해당아파트 주민과 공영주차장, 파주시장님께 건의, 구역 정리",
                FactType.LANDMARK)).isEmpty();
    }

    @Test
    void datesInEveryWrittenForm() {
        assertThat(facts("2026년 11월 3일, 2026.11.3, 2026-11-03, 2020. 4. 22., 20.4.22", FactType.DATE))
                .containsExactly("2026년 11월 3일=2026-11-03", "2026.11.3=2026-11-03", "2026-11-03=2026-11-03",
                        "2020. 4. 22.=2020-04-22", "20.4.22=2020-04-22");
        assertThat(facts("11월 3일에, 2025년 3월부터, 3일 오전", FactType.DATE))
                .containsExactly("11월 3일=--11-03", "2025년 3월=2025-03", "3일=---03");
    }

    @Test
    void relativeDatesStayWordsUnlessAReferenceDayIsGiven() {
        assertThat(facts("어제 저녁과 지난주에", FactType.DATE)).containsExactly("어제=어제", "지난주=지난주");
        LocalDate written = LocalDate.of(2026, 1, 5);
        assertThat(extractor.extract("어제, 12월 30일, 3일 오전, 지난주", written).stream()
                .filter(f -> f.type() == FactType.DATE).map(Fact::normalized))
                .containsExactly("2026-01-04", "2025-12-30", "2026-01-03", "지난주");
    }

    @Test
    void articleNumbersReceiptNumbersAndDurationsAreNotDates() {
        assertThat(facts("제3조 제2항, 접수번호 2026-000123, 처리기간 7일, 3일간 공사, 2026.13.45", FactType.DATE))
                .isEmpty();
    }

    @Test
    void timesIn24HourForm() {
        assertThat(facts("오후 3시 30분, 새벽 2시경, 03시30분경, 14:30, 밤 11시, 오전 12시 반", FactType.TIME))
                .containsExactly("오후 3시 30분=15:30", "새벽 2시경=02:00", "03시30분경=03:30", "14:30=14:30",
                        "밤 11시=23:00", "오전 12시 반=00:30");
    }

    @Test
    void hoursOfServiceAndDurationsAreNotTimes() {
        assertThat(facts("24시 동물병원, 3시간 동안, 5시장 방향, 1:500", FactType.TIME)).isEmpty();
    }

    @Test
    void amountsInWon() {
        assertThat(facts("150,000원, 15만원, 3만 5천원, 1억 2천만원, 8만1000원, 2천5백만 원, 1.5억원", FactType.AMOUNT))
                .containsExactly("150,000원=150000", "15만원=150000", "3만 5천원=35000", "1억 2천만원=120000000",
                        "8만1000원=81000", "2천5백만 원=25000000", "1.5억원=150000000");
    }

    @Test
    void peopleReceiptNumbersAndPrinciplesAreNotMoney() {
        assertThat(facts("1,500명이 서명, 접수번호 2026-000123, 제3원칙, 100인 이상, 3원인", FactType.AMOUNT)).isEmpty();
    }

    @Test
    void vehiclePlates() {
        assertThat(facts("12가3456 차량과 123가4567, 서울12가3456, 34 나 5678 트럭", FactType.VEHICLE_PLATE))
                .containsExactly("12가3456=12가3456", "123가4567=123가4567", "서울12가3456=서울12가3456",
                        "34 나 5678=34나5678");
        assertThat(facts("101동 1203호, 3조 1234, 2019고단1234", FactType.VEHICLE_PLATE)).isEmpty();
    }

    @Test
    void phoneNumbersAndNotDatesOrLotNumbers() {
        assertThat(facts("010-1234-5678, 01098765432, (02)123-4567, 031-940-4114, 1588-1234", FactType.PHONE_NUMBER))
                .containsExactly("010-1234-5678=010-1234-5678", "01098765432=010-9876-5432",
                        "(02)123-4567=02-123-4567", "031-940-4114=031-940-4114", "1588-1234=1588-1234");
        assertThat(facts("2020-04-22, 금촌동 123-45, 접수번호 2026-000123", FactType.PHONE_NUMBER)).isEmpty();
    }

    @Test
    void lawsWithArticlesValidatedAgainstKnownNames() {
        assertThat(facts("「건축법」 제11조제1항 및 주차장법 시행령 제6조, 같은 법 제19조에 따라", FactType.LAW))
                .containsExactly("「건축법」 제11조제1항=건축법 제11조제1항", "주차장법 시행령 제6조=주차장법 시행령 제6조",
                        "같은 법 제19조=주차장법 제19조");
        assertThat(facts("파주시 주차장 설치 및 관리 조례 제5조와 민원처리법 제9조, 도로교통법에 따르면", FactType.LAW))
                .containsExactly("파주시 주차장 설치 및 관리 조례 제5조=파주시 주차장 설치 및 관리 조례 제5조",
                        "민원처리법 제9조=민원 처리에 관한 법률 제9조", "도로교통법=도로교통법");
    }

    @Test
    void wordsEndingInBeopAreNotLaws() {
        assertThat(facts("좋은 방법이 없을까요, 불법 주차, 법원 판결, 편법으로, 제3조", FactType.LAW)).isEmpty();
    }

    @Test
    void overlapsKeepTheLongerFactAndTextOrder() {
        List<Fact> facts = extractor.extract("2020년 04월 22일 03시30분경 금촌동 123-4 앞 12가3456 차량, 과태료 4만원");
        assertThat(facts).extracting(Fact::type).containsExactly(FactType.DATE, FactType.TIME, FactType.LOT_ADDRESS,
                FactType.VEHICLE_PLATE, FactType.AMOUNT);
        for (Fact f : facts) {
            assertThat(f.text()).isEqualTo("2020년 04월 22일 03시30분경 금촌동 123-4 앞 12가3456 차량, 과태료 4만원"
                    .substring(f.start(), f.end()));
        }
    }

    @Test
    void emptyAndNullTextHaveNoFacts() {
        assertThat(extractor.extract("")).isEmpty();
        assertThat(extractor.extract(null)).isEmpty();
    }

    @Test
    void placeKeysAreTheNormalizedPlaceFacts() {
        assertThat(PlaceKeys.of(extractor.extract("금촌역 근처 시청로 50, 교하동 주민입니다. 12가3456")))
                .containsExactlyInAnyOrder("landmark:금촌역", "road:시청로50", "dong:교하동");
    }
}
