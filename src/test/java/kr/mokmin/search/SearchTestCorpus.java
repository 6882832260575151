package kr.mokmin.search;

import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small, real-looking corpus the search API and page tests put straight into the application's index:
 * seven bundled public-domain 법령·조례·규칙 cut by the real chunker, plus three documents written for the
 * tests (an internal guideline that matches parking queries very well, a FAQ with markup in its text and a
 * dated notice with a page). Loading is idempotent (documents are replaced by id) and done once per index.
 */
public final class SearchTestCorpus {

    public static final String PARKING_ACT = DemoChunks.documentId("laws/주차장법/법률.md");
    public static final String PAJU_PARKING_ORDINANCE =
            DemoChunks.documentId("ordinances/paju/조례/파주시 주차장 설치 및 관리 조례.md");
    public static final String PAJU_PARKING_OBJECTION_RULE =
            DemoChunks.documentId("ordinances/paju/규칙/파주시 주정차위반 의견진술심의위원회 구성 및 운영 규칙.md");
    public static final String PAJU_WASTE_ORDINANCE =
            DemoChunks.documentId("ordinances/paju/조례/파주시 폐기물 관리에 관한 조례.md");
    public static final String RESIDENT_ACT = DemoChunks.documentId("laws/주민등록법/법률.md");
    public static final String LIVELIHOOD_ACT = DemoChunks.documentId("laws/국민기초생활보장법/법률.md");
    public static final String COMPLAINT_ACT = DemoChunks.documentId("laws/민원처리에관한법률/법률.md");

    /** Staff only; says "불법주차 과태료" twice, so it would top any parking search it leaked into. */
    public static final String INTERNAL_GUIDE = "test:guide-illegal-parking-internal";
    public static final String INTERNAL_GUIDE_TEXT = "불법주차 과태료 부과 전 단속반은 차량 번호와 위치를 사진 2매로 기록한다. "
            + "불법주차 과태료 감경 대상(장애인, 국가유공자) 여부는 고지서 발송 전에 확인한다. 교통지도팀 내선 4321.";
    public static final String INTERNAL_GUIDE_LOCATOR = "3. 과태료 부과 절차";
    /** A FAQ whose text holds markup; it must come back inert. */
    public static final String MARKUP_FAQ = "test:faq-towing-markup";
    public static final String MARKUP_FAQ_TEXT = "<b onclick=\"x()\">질문</b>: 견인된 차량의 보관료는 얼마인가요? "
            + "<script>alert('견인')</script> 답변: 견인 차량 보관료는 30분마다 & 부과됩니다.";
    /** A dated notice from a department, with a page number. */
    public static final String FEE_NOTICE = "test:notice-parking-fee-2026";

    private static final Set<SearchIndex> LOADED = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));

    private SearchTestCorpus() {
    }

    /** Puts the corpus into {@code index} unless this JVM already did. */
    public static void load(SearchIndex index) {
        if (LOADED.contains(index)) {
            return;
        }
        Map<String, List<IndexedChunk>> docs = new LinkedHashMap<>(DemoChunks.of(
                "laws/주차장법/법률.md",
                "ordinances/paju/조례/파주시 주차장 설치 및 관리 조례.md",
                "ordinances/paju/규칙/파주시 주정차위반 의견진술심의위원회 구성 및 운영 규칙.md",
                "ordinances/paju/조례/파주시 폐기물 관리에 관한 조례.md",
                "laws/주민등록법/법률.md",
                "laws/국민기초생활보장법/법률.md",
                "laws/민원처리에관한법률/법률.md"));
        docs.put(INTERNAL_GUIDE, List.of(new IndexedChunk(INTERNAL_GUIDE + "#0", INTERNAL_GUIDE, 2,
                "불법 주정차 단속 업무 지침", INTERNAL_GUIDE_TEXT, DocumentKind.GUIDELINE, "파주시 교통정책과",
                LocalDate.of(2025, 1, 1), Audience.INTERNAL, INTERNAL_GUIDE_LOCATOR, null, 1200,
                1200 + INTERNAL_GUIDE_TEXT.length(), null, null)));
        docs.put(MARKUP_FAQ, List.of(new IndexedChunk(MARKUP_FAQ + "#0", MARKUP_FAQ, 1, "견인 차량 보관료 FAQ",
                MARKUP_FAQ_TEXT, DocumentKind.FAQ, "파주시", LocalDate.of(2024, 6, 1), Audience.PUBLIC,
                "자주 묻는 질문 > 견인 보관료", null, 0, MARKUP_FAQ_TEXT.length(), null, null)));
        String notice = "파주시 공영주차장 주차요금을 2026년 3월 1일부터 다음과 같이 조정하여 고시합니다. "
                + "노외 공영주차장 최초 30분 1,000원, 이후 10분마다 300원.";
        docs.put(FEE_NOTICE, List.of(new IndexedChunk(FEE_NOTICE + "#0", FEE_NOTICE, 1,
                "2026년 공영주차장 주차요금 조정 고시", notice, DocumentKind.NOTICE, "파주시 교통정책과",
                LocalDate.of(2026, 3, 1), Audience.PUBLIC, "고시문", 2, 340, 340 + notice.length(),
                "https://www.paju.go.kr/notice/2026-77", null)));
        index.replaceDocuments(docs);
        LOADED.add(index);
    }
}
