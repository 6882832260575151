package kr.mokmin.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import kr.mokmin.MokminProperties;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.complaint.Channel;
import kr.mokmin.complaint.Complaint;
import kr.mokmin.complaint.ComplaintQuery;
import kr.mokmin.complaint.ComplaintService;
import kr.mokmin.complaint.ComplaintStatus;
import kr.mokmin.complaint.ComplaintType;
import kr.mokmin.complaint.ComplaintViews;
import kr.mokmin.complaint.Taxonomy;
import kr.mokmin.complaint.TaxonomyStore;
import kr.mokmin.complaint.TransitionRequest;
import kr.mokmin.complaint.attachment.AttachmentDownloads;
import kr.mokmin.complaint.attachment.AttachmentService;
import kr.mokmin.triage.TriageRepository;
import kr.mokmin.triage.TriageResult;

/**
 * Staff pages: the officer's queue and a complaint's detail with its transition forms. Visibility is the
 * service's job (officers get NOT_FOUND for other departments' complaints, rendered as the 404 page).
 */
@Controller
public class StaffPageController {

    static final int PAGE_SIZE = 20;
    /** The status filter value for "all open statuses". */
    static final String OPEN = "OPEN";
    private static final Map<Channel, String> CHANNELS = Map.of(Channel.WEB, "누리집", Channel.OPEN311, "Open311",
            Channel.KAKAO, "카카오톡", Channel.API, "API");

    private final ComplaintService complaints;
    private final AttachmentService attachments;
    private final TaxonomyStore taxonomy;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration dueSoon;
    private final TriageRepository triage;

    public StaffPageController(ComplaintService complaints, AttachmentService attachments, TaxonomyStore taxonomy,
                               Clock clock, MokminProperties properties, TriageRepository triage) {
        this.triage = triage;
        this.attachments = attachments;
        this.complaints = complaints;
        this.taxonomy = taxonomy;
        this.clock = clock;
        this.zone = ZoneId.of(properties.timeZone());
        this.dueSoon = properties.deadlines().dueSoon();
    }

    /** Queue filters as given in the URL. {@code queue=routing} is the routing queue (no department yet). */
    public record Filter(String queue, String dept, String status, boolean overdue, boolean dueSoon, String q) {

        boolean routing() {
            return "routing".equals(queue);
        }

        /** The queue URL with these filters on the given page. */
        public String url(int page) {
            var b = UriComponentsBuilder.fromPath("/staff");
            param(b, "queue", queue);
            param(b, "dept", dept);
            param(b, "status", status);
            if (overdue) {
                b.queryParam("overdue", "true");
            }
            if (dueSoon) {
                b.queryParam("dueSoon", "true");
            }
            param(b, "q", q);
            if (page > 1) {
                b.queryParam("page", page);
            }
            return b.encode().build().toUriString();
        }

        private static void param(UriComponentsBuilder b, String name, String value) {
            if (value != null && !value.isBlank()) {
                b.queryParam(name, value);
            }
        }
    }

    /** A queue row: the list item plus whether it is due within the due-soon horizon (and not yet overdue). */
    public record Row(ComplaintViews.ListItem item, boolean dueSoon, String summary) {
    }

    public record Tab(String label, String url, boolean current) {
    }

    @GetMapping("/staff")
    public String queue(@RequestParam(required = false) String queue, @RequestParam(required = false) String dept,
                        @RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "false") boolean overdue,
                        @RequestParam(defaultValue = "false") boolean dueSoon,
                        @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page,
                        Model model) {
        Actor actor = CurrentActor.get();
        var tax = taxonomy.current();
        boolean router = actor.isAdmin()
                || (actor.departmentCode() != null && actor.departmentCode().equals(tax.routingDepartment()));
        Filter filter = new Filter(router && "routing".equals(queue) ? "routing" : null,
                actor.isAdmin() && dept != null && !dept.isBlank() ? dept.strip() : null, blankToNull(status),
                overdue, dueSoon, blankToNull(q));
        String department = filter.routing() ? "" : actor.isAdmin() ? filter.dept() : actor.departmentCode();
        Set<ComplaintStatus> statuses = statuses(filter.status());
        Instant now = Instant.now(clock);
        Instant soon = now.plus(this.dueSoon);
        int pageNo = Math.max(1, page);
        var result = complaints.list(new ComplaintQuery(department, statuses, filter.dueSoon() ? soon : null,
                filter.overdue() ? Boolean.TRUE : null, filter.q(), PAGE_SIZE, (pageNo - 1) * PAGE_SIZE), actor);
        var mapper = new ComplaintViews.Mapper(zone, tax, now);
        Map<Long, String> summaries = triage.summaries(result.items().stream().map(Complaint::id).toList());
        List<Row> rows = result.items().stream()
                .map(c -> new Row(mapper.item(c), c.status().isOpen() && !c.isOverdue(now) && c.dueAt().isBefore(soon),
                        summaries.get(c.id())))
                .toList();
        int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);

        List<Tab> tabs = new ArrayList<>();
        Filter base = new Filter(null, filter.dept(), filter.status(), filter.overdue(), filter.dueSoon(), filter.q());
        Filter routingTab = new Filter("routing", null, filter.status(), filter.overdue(), filter.dueSoon(),
                filter.q());
        tabs.add(new Tab(actor.isAdmin() ? "전체 민원" : tax.departmentName(actor.departmentCode()), base.url(1),
                !filter.routing()));
        if (router) {
            tabs.add(new Tab("분류 대기 (부서 미배정)", routingTab.url(1), filter.routing()));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("tabs", tabs);
        model.addAttribute("rows", rows);
        model.addAttribute("total", result.total());
        model.addAttribute("page", pageNo);
        model.addAttribute("pages", pages);
        model.addAttribute("prevUrl", pageNo > 1 ? filter.url(pageNo - 1) : null);
        model.addAttribute("nextUrl", pageNo < pages ? filter.url(pageNo + 1) : null);
        model.addAttribute("statuses", ComplaintStatus.values());
        model.addAttribute("admin", actor.isAdmin());
        model.addAttribute("departments", tax.departmentNames());
        model.addAttribute("dueSoonHours", this.dueSoon.toHours());
        return "staff/queue";
    }

    @GetMapping("/staff/complaints/{receiptNo}")
    public String detail(@PathVariable String receiptNo, Model model) {
        var detail = complaints.get(receiptNo, CurrentActor.get());
        fillDetail(model, detail, null);
        return "staff/detail";
    }

    /** One transition form as submitted. Blank fields mean "not given"; {@code version} guards stale pages. */
    public record TransitionForm(String to, String departmentCode, String type, String lawInquiry, String reason,
                                 String answer, String note, Integer version) {
    }

    @PostMapping("/staff/complaints/{receiptNo}/transitions")
    public String transition(@PathVariable String receiptNo, @ModelAttribute TransitionForm form,
                             HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        ComplaintStatus to;
        Complaint updated;
        try {
            to = parse(ComplaintStatus.class, form.to(), "변경할 상태");
            ComplaintType type = parse(ComplaintType.class, form.type(), "민원 종류");
            Complaint current = complaints.requireVisibleComplaint(receiptNo, actor);
            if (form.version() != null && form.version() != current.rowVersion()) {
                throw new MokminException(ProblemKind.CONCURRENT_UPDATE,
                        "이 화면을 연 뒤 다른 사용자가 민원을 변경했습니다. 아래의 최신 내용을 확인한 뒤 다시 시도하세요.");
            }
            updated = complaints.transition(receiptNo, new TransitionRequest(to, blankToNull(form.departmentCode()),
                    type, "true".equals(form.lawInquiry()), blankToNull(form.reason()), blankToNull(form.answer()),
                    blankToNull(form.note())), actor);
        } catch (MokminException e) {
            if (e.kind() != ProblemKind.VALIDATION && e.kind() != ProblemKind.ILLEGAL_TRANSITION
                    && e.kind() != ProblemKind.CONCURRENT_UPDATE) {
                throw e;
            }
            response.setStatus(e.kind().status());
            fillDetail(model, complaints.get(receiptNo, actor), form);
            model.addAttribute("error", e.getMessage());
            return "staff/detail";
        }
        String department = updated.departmentCode() == null ? ""
                : " (담당부서: " + taxonomy.current().departmentName(updated.departmentCode()) + ")";
        redirect.addFlashAttribute("notice", "접수번호 %s 민원을 %s 상태로 변경했습니다%s."
                .formatted(receiptNo, to.label(), department));
        if (!complaints.isVisible(updated, actor)) {
            // Assigned or transferred away: this officer may no longer see it.
            return "redirect:/staff";
        }
        return "redirect:/staff/complaints/" + UriComponentsBuilder.fromPath("{no}").buildAndExpand(receiptNo)
                .encode().toUriString();
    }

    /** What one transition form needs. */
    public record TransitionOption(ComplaintStatus status, boolean needsDepartment, boolean needsReason,
                                   boolean needsAnswer, Map<String, String> departments) {
    }

    /** Attachment download for signed-in staff (the API's variant takes bearer tokens, not sessions). */
    @GetMapping("/staff/complaints/{receiptNo}/attachments/{id}")
    public ResponseEntity<Resource> attachment(@PathVariable String receiptNo, @PathVariable long id) {
        var opened = attachments.open(receiptNo, id, CurrentActor.get(), null);
        return AttachmentDownloads.response(opened.attachment(), new FileSystemResource(opened.content()));
    }

    private void fillDetail(Model model, ComplaintService.ComplaintDetail detail, TransitionForm submitted) {
        var tax = taxonomy.current();
        Complaint c = detail.complaint();
        var view = new ComplaintViews.Mapper(zone, tax, Instant.now(clock)).staff(c, detail.history());
        List<TransitionOption> options = new ArrayList<>();
        for (ComplaintStatus next : view.allowedTransitions()) {
            Map<String, String> departments = new LinkedHashMap<>(tax.departmentNames());
            if (next == ComplaintStatus.TRANSFERRED && c.departmentCode() != null) {
                departments.remove(c.departmentCode());
            }
            boolean needsDepartment = next == ComplaintStatus.ASSIGNED || next == ComplaintStatus.TRANSFERRED;
            options.add(new TransitionOption(next, needsDepartment, next == ComplaintStatus.REJECTED,
                    next == ComplaintStatus.ANSWERED, needsDepartment ? departments : Map.of()));
        }
        model.addAttribute("c", view);
        TriageResult triaged = triage.find(c.id()).orElse(null);
        model.addAttribute("triage", triaged);
        // For 배정: the current department, else the chosen 민원 종류's, else triage's best suggestion.
        String suggested = c.departmentCode() != null ? c.departmentCode()
                : c.serviceCode() == null ? null
                : tax.service(c.serviceCode()).map(Taxonomy.ServiceDefinition::department).orElse(null);
        if (suggested == null && triaged != null && !triaged.departments().isEmpty()) {
            suggested = triaged.departments().getFirst().code();
        }
        model.addAttribute("suggestedDepartment", suggested);
        model.addAttribute("version", c.rowVersion());
        model.addAttribute("attachments", attachments.attachmentsOf(c.id()));
        model.addAttribute("channelLabel", CHANNELS.getOrDefault(c.channel(), c.channel().name()));
        model.addAttribute("options", options);
        model.addAttribute("types", ComplaintType.values());
        model.addAttribute("departments", tax.departmentNames());
        model.addAttribute("submitted", submitted);
    }

    private static Set<ComplaintStatus> statuses(String status) {
        if (status == null) {
            return Set.of();
        }
        if (OPEN.equals(status)) {
            EnumSet<ComplaintStatus> open = EnumSet.noneOf(ComplaintStatus.class);
            for (ComplaintStatus s : ComplaintStatus.values()) {
                if (s.isOpen()) {
                    open.add(s);
                }
            }
            return open;
        }
        return Set.of(parse(ComplaintStatus.class, status, "상태"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw MokminException.invalid("알 수 없는 " + what + "입니다: " + value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
