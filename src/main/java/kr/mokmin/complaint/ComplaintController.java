package kr.mokmin.complaint;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import kr.mokmin.MokminProperties;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MokminException;
import kr.mokmin.web.RateLimiter;

/** REST API for complaints under /api/v1/complaints. */
@RestController
@RequestMapping(path = "/api/v1/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
public class ComplaintController {

    private final ComplaintService complaints;
    private final TaxonomyStore taxonomy;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final ZoneId zone;
    private final MokminProperties.Deadlines deadlineSettings;

    public ComplaintController(ComplaintService complaints, TaxonomyStore taxonomy, RateLimiter rateLimiter,
                               Clock clock, MokminProperties properties) {
        this.complaints = complaints;
        this.taxonomy = taxonomy;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.zone = ZoneId.of(properties.timeZone());
        this.deadlineSettings = properties.deadlines();
    }

    /** Files a complaint (public; rate-limited unless authenticated). 201 means it is committed. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ComplaintViews.IntakeResponse> create(
            @RequestBody ComplaintViews.CreateRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest request) {
        if (body == null) {
            throw MokminException.invalid("요청 본문이 비어 있습니다.");
        }
        Actor actor = CurrentActor.get();
        if (!actor.isStaff()) {
            rateLimiter.check(request.getRemoteAddr());
        }
        var contact = body.contact() == null ? Complaint.Contact.NONE
                : new Complaint.Contact(body.contact().name(), body.contact().phone(), body.contact().email());
        var location = body.location() == null ? Complaint.Location.NONE
                : new Complaint.Location(body.location().address(), body.location().latitude(),
                body.location().longitude());
        var result = complaints.submit(new NewComplaint(body.title(), body.body(), Channel.API, contact, location,
                body.serviceCode()), idempotencyKey, actor);
        Complaint c = result.complaint();
        var mapper = mapper();
        var response = new ComplaintViews.IntakeResponse(c.receiptNo(), c.status(), mapper.time(c.receivedAt()),
                mapper.time(c.dueAt()), result.citizenToken());
        URI location1 = URI.create("/api/v1/complaints/" + c.receiptNo());
        return result.replayed()
                ? ResponseEntity.ok().header("Idempotent-Replayed", "true").location(location1).body(response)
                : ResponseEntity.created(location1).body(response);
    }

    /** Citizen status check with receipt number and phone (POST keeps the phone number out of URLs and logs). */
    @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ComplaintViews.CitizenView lookup(@RequestBody ComplaintViews.LookupRequest body,
                                             HttpServletRequest request) {
        rateLimiter.check("lookup:" + request.getRemoteAddr());
        var detail = complaints.lookupForCitizen(body.receiptNo(), body.phone());
        return mapper().citizen(detail.complaint(), detail.history());
    }

    @GetMapping("/{receiptNo}")
    public ComplaintViews.StaffView get(@PathVariable String receiptNo) {
        var detail = complaints.get(receiptNo, CurrentActor.get());
        return mapper().staff(detail.complaint(), detail.history());
    }

    /**
     * Staff list. {@code department=} (empty) lists the routing queue; {@code dueWithinHours} lists open
     * complaints due within that many hours; {@code overdue=true} lists open complaints past due.
     */
    @GetMapping
    public ComplaintViews.ListResponse list(@RequestParam(required = false) String department,
                                            @RequestParam(required = false) List<ComplaintStatus> status,
                                            @RequestParam(required = false) OffsetDateTime dueBefore,
                                            @RequestParam(required = false) Integer dueWithinHours,
                                            @RequestParam(required = false) Boolean dueSoon,
                                            @RequestParam(required = false) Boolean overdue,
                                            @RequestParam(required = false) String q,
                                            @RequestParam(defaultValue = "50") int limit,
                                            @RequestParam(defaultValue = "0") int offset) {
        Instant now = Instant.now(clock);
        Instant before = dueBefore == null ? null : dueBefore.toInstant();
        if (dueWithinHours != null) {
            if (dueWithinHours < 0 || dueWithinHours > 24 * 365) {
                throw MokminException.invalid("dueWithinHours는 0에서 8760 사이여야 합니다.");
            }
            before = now.plusSeconds(3600L * dueWithinHours);
        } else if (Boolean.TRUE.equals(dueSoon)) {
            before = now.plus(deadlineSettings.dueSoon());
        }
        Set<ComplaintStatus> statuses = status == null || status.isEmpty() ? Set.of() : EnumSet.copyOf(status);
        var page = complaints.list(new ComplaintQuery(department, statuses, before, overdue, q, limit, offset),
                CurrentActor.get());
        var mapper = mapper();
        return new ComplaintViews.ListResponse(page.items().stream().map(mapper::item).toList(), page.total(),
                page.limit(), page.offset());
    }

    @PostMapping(path = "/{receiptNo}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ComplaintViews.StaffView transition(@PathVariable String receiptNo,
                                               @RequestBody ComplaintViews.TransitionBody body) {
        Actor actor = CurrentActor.get();
        complaints.transition(receiptNo, body.toRequest(), actor);
        var detail = complaints.get(receiptNo, actor);
        return mapper().staff(detail.complaint(), detail.history());
    }

    private ComplaintViews.Mapper mapper() {
        return new ComplaintViews.Mapper(zone, taxonomy.current(), Instant.now(clock));
    }
}
