package kr.mokmin.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.mokmin.MokminProperties;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.complaint.Channel;
import kr.mokmin.complaint.Complaint;
import kr.mokmin.complaint.ComplaintService;
import kr.mokmin.complaint.ComplaintViews;
import kr.mokmin.complaint.NewComplaint;
import kr.mokmin.complaint.Taxonomy;
import kr.mokmin.complaint.TaxonomyStore;

/** Citizen pages: home, the 민원 form, the status lookup, and the staff login page. */
@Controller
public class PageController {

    /** Form keys are generated here: 32 hex digits. Anything else is ignored (no idempotency then). */
    private static final Pattern FORM_KEY = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Intake error fields to the form's input names. */
    private static final Map<String, String> FIELDS = Map.of(
            "serviceCode", "serviceCode", "title", "title", "body", "body", "contact.name", "name",
            "contact.phone", "phone", "contact.email", "email", "location.address", "address");

    private final ComplaintService complaints;
    private final TaxonomyStore taxonomy;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final ZoneId zone;

    public PageController(ComplaintService complaints, TaxonomyStore taxonomy, RateLimiter rateLimiter, Clock clock,
                          MokminProperties properties) {
        this.complaints = complaints;
        this.taxonomy = taxonomy;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.zone = ZoneId.of(properties.timeZone());
    }

    /** What the citizen typed into the 민원 form. {@code formKey} is the hidden per-form idempotency key. */
    public record ComplaintForm(String serviceCode, String title, String body, String name, String phone,
                                String email, String address, String formKey) {

        static ComplaintForm blank() {
            return new ComplaintForm(null, null, null, null, null, null, null, newFormKey());
        }

        ComplaintForm withFormKey(String key) {
            return new ComplaintForm(serviceCode, title, body, name, phone, email, address, key);
        }
    }

    public record LookupForm(String receiptNo, String phone) {
    }

    @GetMapping("/")
    public String home() {
        return "home";
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/minwon/new")
    public String complaintForm(Model model) {
        return showForm(model, ComplaintForm.blank(), Map.of(), null);
    }

    @PostMapping("/minwon/new")
    public String submit(@ModelAttribute ComplaintForm form, HttpServletRequest request, HttpServletResponse response,
                         Model model) {
        Actor actor = CurrentActor.get();
        if (!actor.isStaff()) {
            rateLimiter.check(request.getRemoteAddr());
        }
        String formKey = form.formKey() != null && FORM_KEY.matcher(form.formKey()).matches() ? form.formKey() : null;
        NewComplaint input = new NewComplaint(form.title(), form.body(), Channel.WEB,
                new Complaint.Contact(form.name(), form.phone(), form.email()),
                new Complaint.Location(form.address(), null, null), blankToNull(form.serviceCode()));
        ComplaintService.IntakeResult result;
        try {
            result = complaints.submit(input, formKey == null ? null : "web-form:" + formKey, actor);
        } catch (MokminException e) {
            if (e.kind() == ProblemKind.VALIDATION) {
                response.setStatus(e.kind().status());
                return showForm(model, form.withFormKey(formKey != null ? formKey : newFormKey()), fieldErrors(e),
                        e.getMessage());
            }
            if (e.kind() == ProblemKind.IDEMPOTENCY_KEY_REUSED) {
                // The form was submitted before and then changed (back button): offer it again as a new form.
                response.setStatus(e.kind().status());
                return showForm(model, form.withFormKey(newFormKey()), Map.of(),
                        "이 신청서는 이미 접수되었습니다. 내용을 확인하고 다시 제출하면 새 민원으로 접수됩니다.");
            }
            throw e;
        }
        Complaint c = result.complaint();
        var mapper = mapper();
        model.addAttribute("receiptNo", c.receiptNo());
        model.addAttribute("complaintTitle", c.title());
        model.addAttribute("receivedAt", mapper.time(c.receivedAt()));
        model.addAttribute("dueAt", mapper.time(c.dueAt()));
        model.addAttribute("serviceName", c.serviceCode() == null ? null
                : taxonomy.current().service(c.serviceCode()).map(Taxonomy.ServiceDefinition::name).orElse(null));
        model.addAttribute("hasPhone", c.contact().phone() != null);
        model.addAttribute("replayed", result.replayed());
        return "minwon/submitted";
    }

    @GetMapping("/minwon/status")
    public String lookupForm(@RequestParam(required = false) String receiptNo, Model model) {
        model.addAttribute("form", new LookupForm(receiptNo, null));
        return "minwon/lookup";
    }

    /** POST keeps the phone number out of URLs and access logs. */
    @PostMapping("/minwon/status")
    public String lookup(@ModelAttribute("form") LookupForm form, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        rateLimiter.check("lookup:" + request.getRemoteAddr());
        String receiptNo = form.receiptNo() == null ? null : form.receiptNo().strip();
        try {
            var detail = complaints.lookupForCitizen(receiptNo, form.phone());
            model.addAttribute("c", mapper().citizen(detail.complaint(), detail.history()));
            return "minwon/status";
        } catch (MokminException e) {
            if (e.kind() != ProblemKind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.kind().status());
            model.addAttribute("notFound", true);
            return "minwon/lookup";
        }
    }

    private String showForm(Model model, ComplaintForm form, Map<String, String> errors, String message) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("serviceGroups", serviceGroups(taxonomy.current()));
        return "minwon/new";
    }

    /** Services grouped by their group, in file order. */
    static Map<String, List<Taxonomy.ServiceDefinition>> serviceGroups(Taxonomy t) {
        Map<String, List<Taxonomy.ServiceDefinition>> groups = new LinkedHashMap<>();
        for (var s : t.services()) {
            String group = s.group() == null || s.group().isBlank() ? "기타" : s.group();
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(s);
        }
        return groups;
    }

    /** Field name to message; errors about no form field (there should be none) go under "". */
    @SuppressWarnings("unchecked")
    static Map<String, String> fieldErrors(MokminException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.properties().get("errors") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    String field = FIELDS.getOrDefault(String.valueOf(m.get("field")), "");
                    errors.merge(field, String.valueOf(m.get("message")), (a, b) -> a + " " + b);
                }
            }
        }
        return errors;
    }

    private ComplaintViews.Mapper mapper() {
        return new ComplaintViews.Mapper(zone, taxonomy.current(), Instant.now(clock));
    }

    static String newFormKey() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
