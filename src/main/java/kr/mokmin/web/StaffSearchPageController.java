package kr.mokmin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import kr.mokmin.common.MokminException;
import kr.mokmin.search.Audience;
import kr.mokmin.search.DocumentKind;
import kr.mokmin.search.SearchException;
import kr.mokmin.search.SearchHit;
import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.search.SearchRequest;
import kr.mokmin.search.Snippet;

/**
 * The staff search page {@code /staff/search}: a GET form (bookmarkable, nothing to protect with CSRF) over the
 * whole knowledge base, public and internal documents. Every hit links to its place in the document viewer.
 */
@Controller
public class StaffSearchPageController {

    static final int RESULTS = 20;
    private static final Logger log = LoggerFactory.getLogger(StaffSearchPageController.class);

    private final SearchIndex index;

    public StaffSearchPageController(SearchIndex index) {
        this.index = index;
    }

    /** The form as submitted, echoed back into the page. */
    public record Form(String q, List<String> kinds, String issuer, String audience, String from, String to) {

        public boolean hasKind(DocumentKind kind) {
            return kinds.contains(kind.name());
        }
    }

    /** One result line. */
    public record Row(int rank, SearchHit hit, Snippet snippet, String documentUrl) {

        public String kindLabel() {
            return hit.chunk().kind().label();
        }

        public boolean internal() {
            return hit.chunk().audience() == Audience.INTERNAL;
        }
    }

    @GetMapping("/staff/search")
    public String search(@RequestParam(required = false) String q,
                         @RequestParam(required = false) List<String> kind,
                         @RequestParam(required = false) String issuer,
                         @RequestParam(required = false) String audience,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         HttpServletResponse response, Model model) {
        Form form = new Form(q == null ? "" : q, kind == null ? List.of() : List.copyOf(kind),
                blank(issuer), blank(audience), blank(from), blank(to));
        model.addAttribute("form", form);
        model.addAttribute("kinds", DocumentKind.values());
        model.addAttribute("searched", q != null);
        model.addAttribute("rows", List.of());
        model.addAttribute("maxResults", RESULTS);
        if (q == null) {
            return "staff/search"; // first visit: just the form
        }
        try {
            // staff pages are reachable by staff only (security config), so internal documents are allowed
            SearchQuery query = new SearchRequest(q, form.kinds(), list(form.issuer()), list(form.audience()),
                    form.from(), form.to(), String.valueOf(RESULTS)).toQuery(true);
            List<SearchHit> hits = index.search(query);
            List<Row> rows = new ArrayList<>(hits.size());
            for (SearchHit h : hits) {
                rows.add(new Row(rows.size() + 1, h, Snippet.fromMarkedHtml(h.snippet()), documentUrl(h)));
            }
            model.addAttribute("rows", rows);
        } catch (MokminException e) {
            response.setStatus(e.kind().status());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("fieldErrors", fieldErrors(e));
        } catch (SearchException e) {
            log.error("search failed", e);
            response.setStatus(503);
            model.addAttribute("error", "검색 색인을 읽지 못했습니다. 잠시 후 다시 시도하고, 계속되면 관리자에게 알려 주세요.");
        }
        return "staff/search";
    }

    /** The document viewer at the passage (the viewer scrolls to the character offset). */
    static String documentUrl(SearchHit h) {
        return UriComponentsBuilder.fromPath("/staff/documents/{id}").queryParam("at", h.chunk().startOffset())
                .buildAndExpand(h.documentId()).encode().toUriString();
    }

    private static List<String> fieldErrors(MokminException e) {
        if (!(e.properties().get("errors") instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(o -> o instanceof Map<?, ?>).map(o -> String.valueOf(((Map<?, ?>) o).get("message")))
                .toList();
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
