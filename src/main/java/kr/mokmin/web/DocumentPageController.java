package kr.mokmin.web;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.MultipartUpload;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.common.Upload;
import kr.mokmin.knowledge.DocumentQuery;
import kr.mokmin.knowledge.DocumentStatus;
import kr.mokmin.knowledge.Extraction;
import kr.mokmin.knowledge.JobRunner;
import kr.mokmin.knowledge.KnowledgeDocument;
import kr.mokmin.knowledge.KnowledgeService;
import kr.mokmin.search.DocumentKind;

/**
 * Staff pages of the knowledge base: the document list with the upload form and recent jobs, a job's progress, and
 * a document with its extracted text. {@code /staff/documents/{id}?at={startOffset}} highlights the passage that
 * starts there (search results link to it). Uploads arrive through the document-upload servlet (its own size limit).
 */
@Controller
public class DocumentPageController {

    static final int PAGE_SIZE = 30;
    static final List<KindOption> KINDS = List.of(new KindOption("ORDINANCE", "조례"), new KindOption("RULE", "규칙"),
            new KindOption("STATUTE", "법령"), new KindOption("NOTICE", "고시·공고"), new KindOption("GUIDELINE", "지침"),
            new KindOption("FAQ", "자주 묻는 질문"), new KindOption("WELFARE", "복지 안내"), new KindOption("OTHER", "기타"));

    private final KnowledgeService knowledge;
    private final JobRunner runner;

    public DocumentPageController(KnowledgeService knowledge, JobRunner runner) {
        this.knowledge = knowledge;
        this.runner = runner;
    }

    public record KindOption(String value, String label) {
    }

    /** Korean name of a document kind, for the templates. */
    public static String kindLabel(DocumentKind kind) {
        return KINDS.stream().filter(k -> k.value().equals(kind.name())).map(KindOption::label).findFirst()
                .orElse(kind.name());
    }

    @GetMapping("/staff/documents")
    public String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
                       Model model) {
        Actor actor = CurrentActor.get();
        int pageNo = Math.max(1, page);
        var result = knowledge.list(new DocumentQuery(parse(DocumentKind.class, kind), null, null,
                parse(DocumentStatus.class, status), blank(q) ? null : q.strip(), PAGE_SIZE,
                (pageNo - 1) * PAGE_SIZE), actor);
        int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("documents", result.items());
        model.addAttribute("total", result.total());
        model.addAttribute("page", pageNo);
        model.addAttribute("pages", pages);
        model.addAttribute("prevUrl", pageNo > 1 ? listUrl(kind, status, q, pageNo - 1) : null);
        model.addAttribute("nextUrl", pageNo < pages ? listUrl(kind, status, q, pageNo + 1) : null);
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("statuses", DocumentStatus.values());
        model.addAttribute("canIngest", KnowledgeService.canIngest(actor));
        model.addAttribute("jobs", knowledge.recentJobs(5));
        model.addAttribute("maxMegabytes", knowledge.maxFileBytes() / (1024 * 1024));
        return "staff/documents";
    }

    /** The upload form: files (one or more) with shared metadata; on success the job's page. */
    @PostMapping("/staff/documents/upload")
    public String upload(@RequestParam(name = "file", required = false) List<MultipartFile> files,
                         @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
                         @RequestParam(required = false) String issuer,
                         @RequestParam(required = false) String effectiveDate,
                         @RequestParam(required = false) String sourceUrl,
                         @RequestParam(required = false) String audience,
                         HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<MultipartFile> present = files == null ? List.of()
                : files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null
                && !f.getOriginalFilename().isBlank())).toList();
        KnowledgeService.Accepted accepted;
        try {
            runner.requireRoom();
            accepted = knowledge.ingest(present.stream().<Upload>map(MultipartUpload::new).toList(),
                    new KnowledgeService.Fields(kind, title, issuer, effectiveDate, sourceUrl, audience), null,
                    CurrentActor.get());
        } catch (MokminException e) {
            if (e.kind() == ProblemKind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(e.kind().status());
            model.addAttribute("error", e.getMessage());
            return list(null, null, null, 1, model);
        }
        runner.submit(accepted.job().id());
        redirect.addFlashAttribute("notice", "문서 %d건을 받았습니다. 처리 상황은 아래에서 볼 수 있습니다."
                .formatted(accepted.documentIds().size()));
        return "redirect:/staff/documents/jobs/" + accepted.job().id();
    }

    @GetMapping("/staff/documents/jobs/{id}")
    public String job(@PathVariable String id, Model model) {
        var job = knowledge.job(id).orElseThrow(() -> MokminException.notFound("작업이 없습니다: " + id));
        model.addAttribute("job", job);
        return "staff/job";
    }

    @GetMapping("/staff/documents/{id}")
    public String document(@PathVariable String id, @RequestParam(required = false) Integer at, Model model) {
        Actor actor = CurrentActor.get();
        KnowledgeDocument doc = knowledge.get(id, actor);
        Extraction extraction = knowledge.extraction(doc).orElse(null);
        model.addAttribute("doc", doc);
        model.addAttribute("kindLabel", kindLabel(doc.kind()));
        model.addAttribute("canDelete", KnowledgeService.canIngest(actor));
        model.addAttribute("extraction", extraction);
        String text = extraction == null ? "" : extraction.text();
        var passage = extraction == null || at == null ? null : knowledge.passageAt(doc, extraction, at).orElse(null);
        model.addAttribute("passage", passage);
        model.addAttribute("before", passage == null ? text : text.substring(0, passage.start()));
        model.addAttribute("marked", passage == null ? "" : text.substring(passage.start(), passage.end()));
        model.addAttribute("after", passage == null ? "" : text.substring(passage.end()));
        return "staff/document";
    }

    @PostMapping("/staff/documents/{id}/delete")
    public String delete(@PathVariable String id, RedirectAttributes redirect) {
        KnowledgeDocument doc = knowledge.get(id, CurrentActor.get());
        knowledge.delete(id, CurrentActor.get());
        redirect.addFlashAttribute("notice", "문서 '%s'을(를) 삭제했습니다.".formatted(doc.title()));
        return "redirect:/staff/documents";
    }

    private static String listUrl(String kind, String status, String q, int page) {
        var b = UriComponentsBuilder.fromPath("/staff/documents");
        if (!blank(kind)) {
            b.queryParam("kind", kind);
        }
        if (!blank(status)) {
            b.queryParam("status", status);
        }
        if (!blank(q)) {
            b.queryParam("q", q);
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw MokminException.invalid("알 수 없는 값입니다: " + value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
