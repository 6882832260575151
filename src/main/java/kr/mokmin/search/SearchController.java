package kr.mokmin.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kr.mokmin.MokminProperties;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.web.RateLimiter;

/**
 * {@code GET /api/v1/search}: the knowledge base for citizens' apps and staff tools. Anyone may search public
 * documents (rate-limited per client address); staff with a bearer token may also search internal ones.
 */
@RestController
@Tag(name = "search", description = "지식베이스 검색 (조례·규칙·법령·고시·지침·FAQ)")
public class SearchController {

    static final String SNIPPET_FORMAT = """
            The snippet is given twice. `text` is plain text (never HTML) and `highlights` are the spans of it \
            that matched the query, as [start, end) offsets in UTF-16 code units (JavaScript string indices), \
            sorted and non-overlapping: render by escaping the text and wrapping only those spans. `html` is the \
            same passage already rendered that way: every character of the document escaped (&, <, >, ", ' as \
            character references), and the only markup is <mark>…</mark> around the matches; it is safe to \
            insert into a page as is.""";

    private final SearchIndex index;
    private final RateLimiter publicLimit;

    public SearchController(SearchIndex index, MokminProperties properties) {
        this.index = index;
        this.publicLimit = new RateLimiter(properties.search().ratePerMinute(), properties.search().burst());
    }

    @Schema(description = "검색 결과")
    public record SearchResponse(
            @Schema(description = "the query text as searched (NFC, trimmed)") String query,
            @Schema(description = "audiences searched: PUBLIC for citizens and anonymous callers") List<Audience> audiences,
            @Schema(description = "the hits, best first, at most k") List<Hit> hits) {
    }

    @Schema(description = "One passage of a document with where it comes from")
    public record Hit(
            @Schema(description = "1 for the best hit") int rank,
            String chunkId,
            String documentId,
            int documentVersion,
            @Schema(nullable = true) String title,
            DocumentKind kind,
            @Schema(description = "the kind in Korean: 조례, 규칙, 법령, 고시·공고, 지침, FAQ, 복지, 기타") String kindLabel,
            @Schema(nullable = true) String issuer,
            @Schema(description = "시행일", nullable = true) LocalDate effectiveDate,
            Audience audience,
            @Schema(description = "where in the document, as people cite it, e.g. 제12조제2항 or 신청 방법 > 구비서류",
                    nullable = true) String locator,
            @Schema(description = "page of the source file, when it has pages", nullable = true) Integer page,
            @Schema(description = "start of the passage in the document's extracted text (chars)") int startOffset,
            @Schema(description = "end (exclusive) of the passage in the document's extracted text") int endOffset,
            @Schema(nullable = true) String sourceUrl,
            @Schema(description = SNIPPET_FORMAT) SnippetView snippet,
            @Schema(description = "final ranking score; compare only within one response") double score,
            @Schema(description = "keyword (BM25) score; 0 when only the vector search found the passage")
            double lexicalScore,
            @Schema(description = "vector similarity in [0, 1]; null when vectors were not searched or did not "
                    + "find the passage", nullable = true) Double vectorScore) {
    }

    @Schema(description = SNIPPET_FORMAT)
    public record SnippetView(
            @Schema(description = "the passage as plain text; whitespace folded to single spaces") String text,
            @ArraySchema(arraySchema = @Schema(description = "matched spans of text: [start, end) in UTF-16 code units"))
            List<Snippet.Span> highlights,
            @Schema(description = "the passage as safe HTML: escaped text, matches in <mark>…</mark>") String html) {
    }

    @Operation(summary = "지식베이스 검색",
            description = """
                    Korean full-text search (nori morphemes + character bigrams, BM25; fused with vectors when an \
                    embeddings server is configured, falling back to keywords if it fails). The query is free text, \
                    never query syntax.

                    Audience: anonymous callers and citizens search PUBLIC documents only; asking for \
                    audience=INTERNAL without a staff bearer token is refused with 403 (never silently narrowed). \
                    Staff (OFFICER, DEPT_HEAD, ADMIN) search PUBLIC and INTERNAL unless they name one.

                    Unauthenticated calls are rate-limited per client address (mokmin.search.rate-per-minute, \
                    mokmin.search.burst): over the budget the answer is 429 /problems/rate-limited.

                    List parameters (kind, issuer, audience) may repeat or hold commas. Bad parameters are 400 \
                    /problems/validation with errors: [{field, message}].""",
            responses = {
                    @ApiResponse(responseCode = "200", description = "hits, best first (an empty list when nothing matches)"),
                    @ApiResponse(responseCode = "400", description = "bad parameter (empty or too long q, unknown kind "
                            + "or audience, bad date, to before from, k outside 1..100)",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "401", description = "an Authorization header with an unknown token",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "403", description = "audience=INTERNAL without a staff token",
                            content = @Content(mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "429", description = "too many unauthenticated searches from this address",
                            content = @Content(mediaType = "application/problem+json"))})
    @GetMapping(path = "/api/v1/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public SearchResponse search(
            @Parameter(description = "검색어: free text, 1.." + SearchRequest.MAX_QUERY_CHARS + " characters")
            @RequestParam(required = false) String q,
            @Parameter(description = "document kinds: ORDINANCE 조례, RULE 규칙, STATUTE 법령, NOTICE 고시·공고, "
                    + "GUIDELINE 지침, FAQ, WELFARE 복지, OTHER 기타; repeat or comma-separate; none = all")
            @RequestParam(required = false) List<String> kind,
            @Parameter(description = "issuers, exact names (e.g. 파주시, 보건복지부); repeat or comma-separate; none = all")
            @RequestParam(required = false) List<String> issuer,
            @Parameter(description = "PUBLIC and/or INTERNAL (staff only); none = all the caller may see")
            @RequestParam(required = false) List<String> audience,
            @Parameter(description = "effective (시행일) on or after, yyyy-MM-dd; chunks without a date are then left out")
            @RequestParam(required = false) String from,
            @Parameter(description = "effective (시행일) on or before, yyyy-MM-dd")
            @RequestParam(required = false) String to,
            @Parameter(description = "how many hits, 1.." + SearchQuery.MAX_K + ", default " + SearchRequest.DEFAULT_K)
            @RequestParam(required = false) String k,
            HttpServletRequest request) {
        Actor actor = CurrentActor.get();
        if (!actor.isStaff()) {
            publicLimit.check("search:" + request.getRemoteAddr());
        }
        SearchQuery query = new SearchRequest(q, kind, issuer, audience, from, to, k).toQuery(actor.isStaff());
        List<SearchHit> hits = index.search(query);
        List<Hit> out = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            out.add(hit(out.size() + 1, h));
        }
        return new SearchResponse(query.text(), query.audiences().stream().sorted().toList(), out);
    }

    private static Hit hit(int rank, SearchHit h) {
        IndexedChunk c = h.chunk();
        Snippet snippet = Snippet.fromMarkedHtml(h.snippet());
        return new Hit(rank, c.chunkId(), c.documentId(), c.documentVersion(), c.title(), c.kind(), c.kind().label(),
                c.issuer(), c.effectiveDate(), c.audience(), c.locator(), c.page(), c.startOffset(), c.endOffset(),
                c.sourceUrl(), new SnippetView(snippet.text(), snippet.highlights(), snippet.html()), h.score(),
                h.lexicalScore(), h.vectorScore());
    }
}
