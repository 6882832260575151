package kr.mokmin.search;

import static kr.mokmin.search.Fixtures.COMPLAINT_ACT;
import static kr.mokmin.search.Fixtures.HANJA_ORDINANCE;
import static kr.mokmin.search.Fixtures.LIVELIHOOD_ACT;
import static kr.mokmin.search.Fixtures.PARKING_ACT;
import static kr.mokmin.search.Fixtures.PARKING_MANUAL;
import static kr.mokmin.search.Fixtures.RESIDENT_ACT;
import static kr.mokmin.search.Fixtures.ROAD_TRAFFIC_ACT;
import static kr.mokmin.search.Fixtures.WASTE_ACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link SearchIndex} adapter must do, run against the real store by each subclass (Lucene on a
 * temporary directory now; OpenSearch later). A subclass provides fresh, empty storage per test and opens an
 * index over it; {@link #open()} may be called again in a test to reopen the same storage.
 */
public abstract class SearchIndexContract {

    /** Opens an index over this test's storage (empty at the start of each test). */
    protected abstract SearchIndex open();

    protected SearchIndex index;

    @BeforeEach
    void openIndex() {
        index = open();
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    private void loadAll() {
        index.replaceDocuments(Fixtures.all());
    }

    private static List<String> documentIds(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::documentId).toList();
    }

    private List<SearchHit> publicSearch(String text) {
        return index.search(SearchQuery.forPublic(text, 5));
    }

    // ---------------------------------------------------------------- Korean relevance

    @Test
    void illegalParkingFineFindsTheParkingStatutes() {
        loadAll();
        List<String> top = documentIds(publicSearch("불법 주차 과태료"));
        assertThat(top).isNotEmpty();
        assertThat(top.subList(0, Math.min(2, top.size()))).containsAnyOf(PARKING_ACT, ROAD_TRAFFIC_ACT);
        assertThat(top.getFirst()).isIn(PARKING_ACT, ROAD_TRAFFIC_ACT);
    }

    @Test
    void standardMedianIncomeFindsTheLivelihoodAct() {
        loadAll();
        for (String query : List.of("기준 중위소득", "기준중위소득이 뭔가요?", "기준 중위 소득 뜻")) {
            List<SearchHit> hits = publicSearch(query);
            assertThat(hits).as(query).isNotEmpty();
            assertThat(hits.getFirst().chunk().locator()).as(query).isEqualTo("제2조제11호");
            assertThat(hits.getFirst().documentId()).isEqualTo(LIVELIHOOD_ACT);
        }
    }

    @Test
    void residentCopyQueryFindsTheResidentRegistrationAct() {
        loadAll();
        assertThat(documentIds(publicSearch("주민등록등본 발급 받으려면 어디로 가나요")).getFirst())
                .isEqualTo(RESIDENT_ACT);
        // the everyday short form (등본) and spacing variants reach the same article
        assertThat(documentIds(publicSearch("등본 떼는 곳")).getFirst()).isEqualTo(RESIDENT_ACT);
    }

    @Test
    void processingPeriodQueryFindsTheComplaintAct() {
        loadAll();
        assertThat(documentIds(publicSearch("민원 처리기간 계산할 때 토요일도 들어가나요?")).getFirst())
                .isEqualTo(COMPLAINT_ACT);
    }

    @Test
    void hangulQueryFindsHanjaText() {
        loadAll();
        List<SearchHit> hits = publicSearch("대형 폐기물 수거 조례");
        assertThat(documentIds(hits)).contains(HANJA_ORDINANCE);
        assertThat(hits.getFirst().documentId()).isEqualTo(HANJA_ORDINANCE);
        // the chunk comes back as written, Hanja and all
        assertThat(hits.getFirst().chunk().text()).contains("大型廢棄物");
    }

    @Test
    void citizensWordFindsTheStatutesWordThroughSynonyms() {
        loadAll();
        // the statute says 폐기물, never 쓰레기 in this passage
        assertThat(documentIds(publicSearch("쓰레기 뜻"))).contains(WASTE_ACT);
    }

    // ---------------------------------------------------------------- filters

    @Test
    void internalDocumentsNeverReachAPublicSearch() {
        loadAll();
        // the internal manual is the best keyword match for this query
        for (String query : List.of("불법 주차 과태료", "불법 주정차 단속 내부 지침", "단속반 사진 2매")) {
            assertThat(documentIds(index.search(SearchQuery.forPublic(query, 100)))).as(query)
                    .doesNotContain(PARKING_MANUAL);
            // a query that names no audience is a public one
            assertThat(documentIds(index.search(new SearchQuery(query, null, null, null, null, null, 100))))
                    .doesNotContain(PARKING_MANUAL);
        }
        assertThat(documentIds(index.search(SearchQuery.forStaff("불법 주정차 단속 내부 지침", 5))).getFirst())
                .isEqualTo(PARKING_MANUAL);
        assertThat(index.search(SearchQuery.forStaff("단속반 사진", 5).withAudiences(Set.of(Audience.INTERNAL))))
                .isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.chunk().audience()).isEqualTo(Audience.INTERNAL));
    }

    @Test
    void kindFilterKeepsOnlyThoseKinds() {
        loadAll();
        List<SearchHit> ordinances = index.search(SearchQuery.forStaff("폐기물", 10)
                .withKinds(Set.of(DocumentKind.ORDINANCE)));
        assertThat(documentIds(ordinances)).containsExactly(HANJA_ORDINANCE);
        List<SearchHit> statutes = index.search(SearchQuery.forStaff("폐기물", 10)
                .withKinds(Set.of(DocumentKind.STATUTE, DocumentKind.FAQ)));
        assertThat(statutes).isNotEmpty()
                .allSatisfy(hit -> assertThat(hit.chunk().kind()).isEqualTo(DocumentKind.STATUTE));
    }

    @Test
    void issuerFilterMatchesExactNames() {
        index.replaceDocument("ord-a", Fixtures.versioned("ord-a", 1, 2));
        loadAll();
        assertThat(documentIds(index.search(SearchQuery.forPublic("옥외광고물 현수막", 10)
                .withIssuers(Set.of("파주시"))))).containsOnly("ord-a");
        assertThat(index.search(SearchQuery.forPublic("옥외광고물 현수막", 10).withIssuers(Set.of("고양시"))))
                .isEmpty();
    }

    @Test
    void effectiveDateRangeIsInclusiveAndDropsUndatedChunks() {
        loadAll();
        SearchQuery waste = SearchQuery.forPublic("폐기물", 10);
        assertThat(documentIds(index.search(waste.withEffective(null, LocalDate.of(1998, 3, 1)))))
                .containsExactly(HANJA_ORDINANCE);
        assertThat(documentIds(index.search(waste.withEffective(LocalDate.of(1998, 3, 2), null))))
                .doesNotContain(HANJA_ORDINANCE).contains(WASTE_ACT);
        assertThat(index.search(waste.withEffective(LocalDate.of(1990, 1, 1), LocalDate.of(1990, 12, 31))))
                .isEmpty();

        IndexedChunk undated = new IndexedChunk("faq#1", "faq", 1, "자주 묻는 질문", "폐기물 스티커는 어디서 사나요",
                DocumentKind.FAQ, null, null, Audience.PUBLIC, null, null, 0, 10, null, null);
        index.replaceDocument("faq", List.of(undated));
        assertThat(documentIds(index.search(waste))).contains("faq");
        assertThat(documentIds(index.search(waste.withEffective(LocalDate.of(1900, 1, 1), null))))
                .doesNotContain("faq");
    }

    @Test
    void kLimitsTheNumberOfHits() {
        loadAll();
        assertThat(index.search(SearchQuery.forStaff("법", 1))).hasSize(1);
        assertThat(index.search(SearchQuery.forStaff("과태료 주차 폐기물 민원 소득", 3))).hasSize(3);
        assertThat(index.search(SearchQuery.forStaff("과태료 주차 폐기물 민원 소득", 100)).size())
                .isLessThanOrEqualTo((int) index.count());
    }

    @Test
    void hitsCarryTheProvenance() {
        loadAll();
        SearchHit hit = publicSearch("기준 중위소득").getFirst();
        IndexedChunk chunk = hit.chunk();
        IndexedChunk original = Fixtures.livelihoodAct().getFirst();
        assertThat(chunk.withoutVector()).isEqualTo(original);
        assertThat(hit.score()).isPositive();
        assertThat(hit.lexicalScore()).isPositive();
    }

    // ---------------------------------------------------------------- writes

    @Test
    void replaceSwapsAllChunksOfADocument() {
        loadAll();
        long others = index.count();
        index.replaceDocument("ord", Fixtures.versioned("ord", 1, 3));
        assertThat(index.count()).isEqualTo(others + 3);

        index.replaceDocument("ord", Fixtures.versioned("ord", 2, 2));
        assertThat(index.count()).isEqualTo(others + 2);
        List<SearchHit> hits = index.search(SearchQuery.forPublic("옥외광고물 현수막 사용료", 100));
        assertThat(hits).filteredOn(h -> h.documentId().equals("ord")).hasSize(2)
                .allSatisfy(h -> assertThat(h.chunk().documentVersion()).isEqualTo(2));
        assertThat(hits).extracting(SearchHit::chunkId).doesNotContain("ord#3@v1", "ord#1@v1");
        // other documents are untouched
        assertThat(documentIds(publicSearch("기준 중위소득"))).contains(LIVELIHOOD_ACT);
    }

    @Test
    void deleteRemovesEveryChunkAndToleratesUnknownIds() {
        loadAll();
        long before = index.count();
        index.deleteDocument(PARKING_ACT);
        assertThat(index.count()).isEqualTo(before - 2);
        assertThat(documentIds(index.search(SearchQuery.forStaff("노외주차장 부설주차장 출입구", 100))))
                .doesNotContain(PARKING_ACT);
        index.deleteDocument("no-such-document");
        index.replaceDocument(ROAD_TRAFFIC_ACT, List.of());
        assertThat(index.count()).isEqualTo(before - 4);
    }

    @Test
    void writesSurviveAReopen() {
        loadAll();
        long count = index.count();
        index.close();
        index = open();
        assertThat(index.count()).isEqualTo(count);
        assertThat(documentIds(publicSearch("기준 중위소득")).getFirst()).isEqualTo(LIVELIHOOD_ACT);
    }

    @Test
    void rejectsChunksOfAnotherDocumentOrDuplicateIds() {
        assertThatThrownBy(() -> index.replaceDocument("other", Fixtures.residentAct()))
                .isInstanceOf(IllegalArgumentException.class);
        List<IndexedChunk> twice = List.of(Fixtures.residentAct().getFirst(), Fixtures.residentAct().getFirst());
        assertThatThrownBy(() -> index.replaceDocument(RESIDENT_ACT, twice))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(index.count()).isZero();
    }

    /**
     * A searcher running while a document is replaced again and again must see one version, whole: the old
     * one (3 chunks) or the new one (2 chunks), never a mix and never a part.
     */
    @Test
    void concurrentSearchesSeeEitherTheOldOrTheNewDocumentWhole() throws Exception {
        index.replaceDocument("ord", Fixtures.versioned("ord", 1, 3));
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicInteger searches = new AtomicInteger();
        CountDownLatch searching = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> reader = pool.submit(() -> {
                SearchQuery query = SearchQuery.forPublic("옥외광고물 현수막 사용료", 100);
                while (writing.get() || searches.get() < 20) {
                    List<SearchHit> hits = index.search(query);
                    Map<Integer, Long> byVersion = hits.stream().collect(
                            Collectors.groupingBy(h -> h.chunk().documentVersion(), Collectors.counting()));
                    boolean whole = byVersion.equals(Map.of(1, 3L)) || byVersion.equals(Map.of(2, 2L));
                    if (!whole) {
                        violations.add(byVersion.toString());
                    }
                    searches.incrementAndGet();
                    searching.countDown();
                }
            });
            assertThat(searching.await(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            int replacements = 0;
            while (replacements < 40 && System.nanoTime() < deadline) {
                int version = replacements % 2 == 0 ? 2 : 1;
                index.replaceDocument("ord", Fixtures.versioned("ord", version, version == 1 ? 3 : 2));
                replacements++;
            }
            writing.set(false);
            reader.get(30, TimeUnit.SECONDS);
            assertThat(replacements).isGreaterThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(violations).isEmpty();
        assertThat(searches.get()).isGreaterThanOrEqualTo(20);
    }

    // ---------------------------------------------------------------- snippets

    @Test
    void snippetsMarkMatchesAndEscapeTheRest() {
        IndexedChunk html = new IndexedChunk("notice#1", "notice", 1, "공고 <제2026-1호>",
                "대형폐기물 배출 신고는 <b>온라인</b> & 방문 접수 모두 가능합니다. \"스티커\"를 붙여 'A' 지정 장소에 내놓으세요.",
                DocumentKind.NOTICE, "파주시", LocalDate.of(2026, 1, 2), Audience.PUBLIC, null, null, 0, 60, null, null);
        index.replaceDocument("notice", List.of(html));
        SearchHit hit = publicSearch("대형폐기물 배출 신고").getFirst();
        String snippet = hit.snippet();
        assertThat(snippet).contains("<mark>").contains("</mark>");
        assertThat(snippet).contains("&lt;b&gt;온라인&lt;").contains("&amp;");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
        assertThat(snippet).containsPattern("<mark>[^<]*(대형|폐기물|배출|신고)[^<]*</mark>");
        // the chunk itself is returned as written, unescaped
        assertThat(hit.chunk().text()).contains("<b>온라인</b> &");
    }

    @Test
    void snippetsAreShortForLongChunks() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("이 조례는 시민의 복지 증진을 목적으로 하며 시장은 필요한 시책을 마련하여야 한다. ");
        }
        text.append("긴급복지 지원 대상자는 위기상황에 처한 사람으로 한다. ");
        for (int i = 0; i < 40; i++) {
            text.append("시장은 매년 계획을 수립하고 그 결과를 의회에 보고하여야 한다. ");
        }
        index.replaceDocument("long", List.of(new IndexedChunk("long#1", "long", 1, "복지 조례", text.toString(),
                DocumentKind.ORDINANCE, "파주시", null, Audience.PUBLIC, "제1조", null, 0, text.length(), null, null)));
        SearchHit hit = publicSearch("긴급복지 위기상황").getFirst();
        assertThat(hit.snippet()).contains("<mark>").contains("위기상황");
        assertThat(hit.snippet().replace("<mark>", "").replace("</mark>", "")).hasSizeLessThan(300);

        // a paragraph whose sentences run together without spaces ("…합니다.다만…") is still cut short
        String runOn = "가".repeat(10) + "합니다.".repeat(60) + "생계급여 신청은 주민센터에서 합니다." + "나".repeat(10)
                + "합니다.".repeat(60);
        index.replaceDocument("runon", List.of(new IndexedChunk("runon#1", "runon", 1, null, runOn,
                DocumentKind.FAQ, null, null, Audience.PUBLIC, null, null, 0, runOn.length(), null, null)));
        SearchHit runOnHit = publicSearch("생계급여 신청").getFirst();
        assertThat(runOnHit.documentId()).isEqualTo("runon");
        assertThat(runOnHit.snippet()).contains("<mark>생계급여</mark>");
        assertThat(runOnHit.snippet().replace("<mark>", "").replace("</mark>", "")).hasSizeLessThan(300);
    }

    // ---------------------------------------------------------------- odd queries

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "?!…", "((( ]]] }}", "title:* AND (", "\"unbalanced", "*", "a OR b NOT c",
            "\\", "text:[* TO *]", "제1조~^2", "🙂🙂", "+-&&||!(){}[]^\"~*?:\\/", "<script>alert(1)</script>",
            "NULL", "\u0000"})
    void oddQueriesNeverThrow(String query) {
        loadAll();
        List<SearchHit> hits = index.search(SearchQuery.forPublic(query, 10));
        assertThat(hits).hasSizeLessThanOrEqualTo(10);
        assertThat(documentIds(hits)).doesNotContain(PARKING_MANUAL);
    }

    @Test
    void onlyChunksThatMatchAreReturned() {
        loadAll();
        // asking for 100 must not pad the list with chunks that do not match at all
        List<SearchHit> hits = index.search(SearchQuery.forStaff("민원 처리기간", 100));
        assertThat(hits).isNotEmpty().allSatisfy(hit -> assertThat(hit.lexicalScore()).isPositive());
        assertThat(hits.size()).isLessThan((int) index.count());
        assertThat(index.search(SearchQuery.forStaff("항공모함", 100))).isEmpty();
    }

    @Test
    void punctuationOnlyFindsNothing() {
        loadAll();
        assertThat(index.search(SearchQuery.forStaff("?!… ((( ]]] }}", 10))).isEmpty();
        assertThat(index.search(SearchQuery.forStaff("", 10))).isEmpty();
    }

    @Test
    void queryWithLuceneSyntaxIsReadAsText() {
        loadAll();
        // were this parsed, "title:*" would match every chunk with a title; as text it is just noise
        List<SearchHit> hits = index.search(SearchQuery.forStaff("title:* AND (기준 중위소득", 10));
        assertThat(hits.getFirst().documentId()).isEqualTo(LIVELIHOOD_ACT);
    }

    @Test
    void veryLongQueriesAreAnswered() {
        loadAll();
        // a pasted letter: the question, then 10k characters of pleasantries repeated
        StringBuilder longQuery = new StringBuilder("기준 중위소득이 궁금합니다. ");
        while (longQuery.length() < 10_000) {
            longQuery.append("항상 수고 많으십니다. 잘 부탁드립니다. ");
        }
        List<SearchHit> hits = index.search(SearchQuery.forPublic(longQuery.toString(), 10));
        assertThat(hits).isNotEmpty();
        assertThat(documentIds(hits).getFirst()).isEqualTo(LIVELIHOOD_ACT);

        StringBuilder noise = new StringBuilder();
        while (noise.length() < 10_000) {
            noise.append("가나다라마바사 아자차카타파하 ").append(noise.length()).append(' ');
        }
        assertThat(index.search(SearchQuery.forPublic(noise.toString(), 10))).hasSizeLessThanOrEqualTo(10);

        List<String> manyWords = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            manyWords.add("단어" + i);
        }
        // 3,000 distinct words: more terms than any query may have clauses
        assertThat(index.search(SearchQuery.forPublic(String.join(" ", manyWords), 10))).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void searchingAnEmptyIndexFindsNothing() {
        assertThat(index.count()).isZero();
        assertThat(publicSearch("기준 중위소득")).isEmpty();
    }
}
