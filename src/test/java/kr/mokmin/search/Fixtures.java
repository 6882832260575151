package kr.mokmin.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Knowledge-base chunks for the contract: passages copied from Korean statutes (public domain, 저작권법 제7조;
 * texts from shared/data/laws), plus an internal guideline and a Hanja ordinance written for the tests.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static final String PARKING_ACT = "law-주차장법";
    public static final String ROAD_TRAFFIC_ACT = "law-도로교통법";
    public static final String LIVELIHOOD_ACT = "law-국민기초생활보장법";
    public static final String RESIDENT_ACT = "law-주민등록법";
    public static final String WASTE_ACT = "law-폐기물관리법";
    public static final String COMPLAINT_ACT = "law-민원처리에관한법률";
    public static final String HANJA_ORDINANCE = "ord-대형폐기물-1998";
    public static final String PARKING_MANUAL = "guide-주정차단속-내부";

    public static IndexedChunk chunk(String documentId, int version, String locator, String title, String text,
            DocumentKind kind, Audience audience, LocalDate effective) {
        String chunkId = documentId + "#" + locator + "@v" + version;
        return new IndexedChunk(chunkId, documentId, version, title, text, kind, "국회", effective, audience,
                locator, null, 0, text.length(), "https://www.law.go.kr/법령/" + documentId.substring(4), null);
    }

    private static IndexedChunk statute(String documentId, String locator, String title, String text) {
        return chunk(documentId, 1, locator, title, text, DocumentKind.STATUTE, Audience.PUBLIC,
                LocalDate.of(2025, 10, 1));
    }

    public static List<IndexedChunk> parkingAct() {
        return List.of(
                statute(PARKING_ACT, "제30조제1항", "주차장법 제30조(과태료)",
                        "다음 각 호의 어느 하나에 해당하는 자에게는 500만원 이하의 과태료를 부과한다. "
                                + "1. 제6조의3제3항을 위반하여 노외주차장 또는 부설주차장의 출입구에 자동차를 주차하여 "
                                + "다른 자동차의 진출입을 못하게 한 자"),
                statute(PARKING_ACT, "제30조제2항", "주차장법 제30조(과태료)",
                        "다음 각 호의 어느 하나에 해당하는 자에게는 100만원 이하의 과태료를 부과한다. "
                                + "1. 제6조의3제2항을 위반하여 주차장에서 정당한 사유 없이 계속하여 주차한 자"));
    }

    public static List<IndexedChunk> roadTrafficAct() {
        return List.of(
                statute(ROAD_TRAFFIC_ACT, "제32조", "도로교통법 제32조(정차 및 주차의 금지)",
                        "모든 차의 운전자는 다음 각 호의 어느 하나에 해당하는 곳에서는 차를 정차하거나 주차하여서는 "
                                + "아니 된다. 1. 교차로ㆍ횡단보도ㆍ건널목이나 보도와 차도가 구분된 도로의 보도 "
                                + "2. 교차로의 가장자리나 도로의 모퉁이로부터 5미터 이내인 곳"),
                statute(ROAD_TRAFFIC_ACT, "제35조제3항", "도로교통법 제35조(주차위반에 대한 조치)",
                        "경찰서장이나 시장등은 제2항에 따라 주차위반 차를 관할 경찰서나 경찰서장 또는 시장등이 "
                                + "지정하는 곳으로 이동시킨 경우에는 선량한 관리자로서의 주의의무를 다하여 보관하여야 "
                                + "하며, 그 사실을 차의 사용자나 운전자에게 신속히 알리는 등 반환에 필요한 조치를 하여야 한다."));
    }

    public static List<IndexedChunk> livelihoodAct() {
        return List.of(
                statute(LIVELIHOOD_ACT, "제2조제11호", "국민기초생활 보장법 제2조(정의)",
                        "\"기준 중위소득\"이란 보건복지부장관이 급여의 기준 등에 활용하기 위하여 제20조제2항에 따른 "
                                + "중앙생활보장위원회의 심의ㆍ의결을 거쳐 고시하는 국민 가구소득의 중위값을 말한다."),
                statute(LIVELIHOOD_ACT, "제8조제2항", "국민기초생활 보장법 제8조(생계급여의 내용 등)",
                        "생계급여 수급권자는 부양의무자가 없거나, 부양의무자가 있어도 부양능력이 없거나 부양을 받을 수 "
                                + "없는 사람으로서 그 소득인정액이 중앙생활보장위원회의 심의ㆍ의결을 거쳐 결정하는 금액 "
                                + "이하인 사람으로 한다."));
    }

    public static List<IndexedChunk> residentAct() {
        return List.of(statute(RESIDENT_ACT, "제29조제1항", "주민등록법 제29조(열람 또는 등ㆍ초본의 교부)",
                "주민등록표를 열람하거나 그 등본 또는 초본의 교부를 받으려는 자는 행정안전부령으로 정하는 수수료를 내고 "
                        + "시장ㆍ군수 또는 구청장이나 읍ㆍ면ㆍ동장 또는 출장소장에게 신청할 수 있다."));
    }

    public static List<IndexedChunk> wasteAct() {
        return List.of(statute(WASTE_ACT, "제2조제1호", "폐기물관리법 제2조(정의)",
                "\"폐기물\"이란 연소재(燃燒滓), 오니(汚泥), 폐유(廢油), 폐산(廢酸), 폐알칼리 및 동물의 사체(死體) 등으로서 "
                        + "사람의 생활이나 사업활동에 필요하지 아니하게 된 물질을 말한다."));
    }

    public static List<IndexedChunk> complaintAct() {
        return List.of(statute(COMPLAINT_ACT, "제19조제1항", "민원 처리에 관한 법률 제19조(처리기간의 계산)",
                "민원의 처리기간을 5일 이하로 정한 경우에는 민원의 접수시각부터 \"시간\" 단위로 계산하되, 공휴일과 "
                        + "토요일은 산입(算入)하지 아니한다. 이 경우 1일은 8시간의 근무시간을 기준으로 한다."));
    }

    /** An old ordinance printed in mixed script (국한문 혼용), as many pre-2000 ordinances are. */
    public static List<IndexedChunk> hanjaOrdinance() {
        return List.of(chunk(HANJA_ORDINANCE, 1, "제1조", "大型廢棄物 收去 條例",
                "이 條例는 大型廢棄物의 收去 및 處理에 관하여 必要한 事項을 規定함을 目的으로 한다.",
                DocumentKind.ORDINANCE, Audience.PUBLIC, LocalDate.of(1998, 3, 1)));
    }

    /** Staff only: how enforcement teams work. Matches parking queries well, so it tests the audience filter. */
    public static List<IndexedChunk> parkingManual() {
        return List.of(chunk(PARKING_MANUAL, 1, "3.", "불법 주정차 단속 내부 지침",
                "불법 주차 과태료 부과 전 단속반은 차량 번호와 위치를 사진 2매로 기록하고, 민원인 신상은 "
                        + "과태료 고지서에 기재하지 않는다. 불법 주차 단속 시 과태료 감경 대상 여부를 확인한다.",
                DocumentKind.GUIDELINE, Audience.INTERNAL, LocalDate.of(2025, 1, 1)));
    }

    /** Every fixture document, by id. */
    public static java.util.Map<String, List<IndexedChunk>> all() {
        java.util.Map<String, List<IndexedChunk>> all = new java.util.LinkedHashMap<>();
        for (List<IndexedChunk> doc : List.of(parkingAct(), roadTrafficAct(), livelihoodAct(), residentAct(),
                wasteAct(), complaintAct(), hanjaOrdinance(), parkingManual())) {
            all.put(doc.getFirst().documentId(), doc);
        }
        return all;
    }

    /** Chunks of one document version: {@code count} passages that all say which version they are. */
    public static List<IndexedChunk> versioned(String documentId, int version, int count) {
        List<IndexedChunk> chunks = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            chunks.add(new IndexedChunk(documentId + "#" + i + "@v" + version, documentId, version,
                    "옥외광고물 조례 제" + i + "조", "옥외광고물 현수막 게시대 사용료 개정판 " + version + " 제" + i + "조",
                    DocumentKind.ORDINANCE, "파주시", LocalDate.of(2020 + version, 1, 1), Audience.PUBLIC,
                    "제" + i + "조", i, i * 100, i * 100 + 40, null, null));
        }
        return chunks;
    }
}
