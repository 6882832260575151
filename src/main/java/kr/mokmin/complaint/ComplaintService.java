package kr.mokmin.complaint;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.MokminProperties;
import kr.mokmin.account.Actor;
import kr.mokmin.account.Role;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.calendar.HolidayService;
import kr.mokmin.common.InstanceSecrets;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/**
 * The 민원 lifecycle: intake, access rules, transitions and queries. Every change commits together with its
 * status history entry and audit record.
 */
@Service
public class ComplaintService {

    private static final Logger log = LoggerFactory.getLogger(ComplaintService.class);

    private final ComplaintRepository repository;
    private final TaxonomyStore taxonomy;
    private final ComplaintDeadlines deadlines;
    private final AuditTrail audit;
    private final InstanceSecrets secrets;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ZoneId zone;
    private final MeterRegistry meters;
    private final IntakeTriage triage;
    private final ApplicationEventPublisher events;
    /** Years whose counter row exists and agrees with the receipt numbers on file (guarded by intakeLock). */
    private final Set<Integer> countersReady = new java.util.HashSet<>();
    /**
     * Intake transactions of this process run one at a time. They are serial anyway (each holds the year's counter
     * row until it commits), but the embedded H2 store makes a commit visible to a waiting transaction before it has
     * written it: a kill at that moment could roll the earlier intake back on recovery and keep the later one, a
     * hole in the receipt numbers. Holding this lock until the commit has returned closes that window
     * (see CrashRecoveryIT).
     */
    private final ReentrantLock intakeLock = new ReentrantLock();
    /** Intakes waiting to be written by the next group commit (see {@link #commitPending}). */
    private final ConcurrentLinkedQueue<PendingIntake> pending = new ConcurrentLinkedQueue<>();
    /** Most intakes in one commit: bounds the transaction and the wait of the last one in it. */
    private static final int MAX_INTAKE_BATCH = 32;
    /** Who the status history names for automatic routing. */
    public static final String TRIAGE_ACTOR = "mokmin-triage";
    private final ThreadLocal<Mac> citizenMac = ThreadLocal.withInitial(this::newCitizenMac);

    public ComplaintService(ComplaintRepository repository, TaxonomyStore taxonomy, ComplaintDeadlines deadlines,
                            AuditTrail audit, InstanceSecrets secrets, TransactionTemplate tx, Clock clock,
                            MokminProperties properties, MeterRegistry meters, ObjectProvider<IntakeTriage> triage,
                            ApplicationEventPublisher events) {
        this.meters = meters;
        this.triage = triage.getIfAvailable(() -> IntakeTriage.NONE);
        this.events = events;
        this.repository = repository;
        this.taxonomy = taxonomy;
        this.deadlines = deadlines;
        this.audit = audit;
        this.secrets = secrets;
        this.tx = tx;
        this.clock = clock;
        this.zone = ZoneId.of(properties.timeZone());
    }

    /** The result of intake. {@code replayed} is true when an Idempotency-Key matched an earlier request. */
    public record IntakeResult(Complaint complaint, String citizenToken, boolean replayed) {
    }

    /**
     * Files a complaint. Returns only after the transaction committed, so an acknowledged complaint is durable.
     * With an idempotency key, a repeat of the same request returns the first result; a different request
     * under the same key is refused.
     */
    public IntakeResult submit(NewComplaint input, String idempotencyKey, Actor actor) {
        NewComplaint valid = IntakeValidator.validate(input, taxonomy.current());
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw MokminException.invalid("Idempotency-Key는 200자 이하여야 합니다.");
        }
        String requestHash = key == null ? null : requestHash(valid);
        // Triage (masking, routing, facts, duplicates) runs here, on the request thread, before the intake lock.
        IntakeTriage.Assessment assessment = assess(valid);
        // No look-up of the key first: a repeated key fails the insert on the unique index inside the group
        // commit (rolled back alone, see commitPending) and is answered below; first requests, nearly all of
        // them, save a query.
        // Millisecond precision: what the client is told is exactly what the database keeps.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        PendingIntake mine = new PendingIntake(valid, key, requestHash, actor, now, assessment,
                new CompletableFuture<>());
        pending.add(mine);
        intakeLock.lock();
        try {
            // Another thread may have committed this intake in its batch while this one waited for the lock.
            if (!mine.result().isDone()) {
                commitPending();
            }
        } finally {
            intakeLock.unlock();
        }
        Complaint saved;
        try {
            saved = mine.result().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof DuplicateKeyException raced && key != null) {
                // A request with the same Idempotency-Key committed first: earlier, or in this very batch.
                var replay = replay(key, requestHash);
                if (replay != null) {
                    return replay;
                }
                throw raced;
            }
            throw failed.getCause() instanceof RuntimeException e ? e : failed;
        }
        meters.counter("mokmin.complaints.received", "channel", saved.channel().name().toLowerCase()).increment();
        try {
            assessment.accepted(saved);
        } catch (RuntimeException e) {
            log.warn("Triage follow-up of {} failed; the complaint is stored", saved.receiptNo(), e);
        }
        return new IntakeResult(saved, citizenToken(saved.receiptNo()), false);
    }

    private IntakeTriage.Assessment assess(NewComplaint valid) {
        try {
            IntakeTriage.Assessment assessment = triage.assess(valid);
            return assessment == null ? IntakeTriage.Assessment.UNROUTED : assessment;
        } catch (RuntimeException e) {
            // Never lose a complaint to triage: it waits in the routing queue instead.
            log.error("Triage failed; the complaint goes to the routing queue", e);
            meters.counter("mokmin.triage.failures").increment();
            return IntakeTriage.Assessment.UNROUTED;
        }
    }

    /** An intake waiting for the next group commit. */
    private record PendingIntake(NewComplaint valid, String key, String requestHash, Actor actor, Instant now,
                                 IntakeTriage.Assessment assessment, CompletableFuture<Complaint> result) {
    }

    /**
     * Group commit: the thread holding {@link #intakeLock} writes every intake queued so far in ONE transaction,
     * then completes them all. Under load the commit (for H2, a write of every changed B-tree page) is shared by
     * several complaints; alone, a request commits by itself at once (no waiting for company). Each intake runs
     * in its own savepoint, so one that fails (a raced Idempotency-Key, say) is rolled back alone and gives its
     * receipt number back: the numbers of the others stay gap-free. Nothing is acknowledged before the commit.
     */
    private void commitPending() {
        List<PendingIntake> batch = new ArrayList<>();
        for (PendingIntake next; batch.size() < MAX_INTAKE_BATCH && (next = pending.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<PendingIntake, Complaint> saved = new HashMap<>();
        Map<PendingIntake, RuntimeException> failed = new HashMap<>();
        try {
            for (PendingIntake p : batch) {
                prepareCounter(p.now().atZone(zone).getYear());
            }
            tx.executeWithoutResult(status -> {
                Map<Integer, Long> lastNumber = new HashMap<>();
                for (PendingIntake p : batch) {
                    int year = p.now().atZone(zone).getYear();
                    long seq = lastNumber.computeIfAbsent(year, repository::lockCounter) + 1;
                    Object savepoint = status.createSavepoint();
                    try {
                        saved.put(p, insertIntake(p, year, seq));
                        status.releaseSavepoint(savepoint);
                        lastNumber.put(year, seq);
                    } catch (RuntimeException e) {
                        status.rollbackToSavepoint(savepoint);
                        failed.put(p, e);
                    }
                }
                lastNumber.forEach(repository::setCounter);
            });
        } catch (RuntimeException e) {
            // The commit (or the counters) failed: nothing of this batch was stored.
            batch.forEach(p -> p.result().completeExceptionally(e));
            return;
        }
        meters.summary("mokmin.intake.batch.size").record(batch.size());
        for (PendingIntake p : batch) {
            if (saved.containsKey(p)) {
                p.result().complete(saved.get(p));
            } else {
                p.result().completeExceptionally(failed.get(p));
            }
        }
    }

    /** Makes sure the year's counter row exists and agrees with the numbers on file (once per year and process). */
    private void prepareCounter(int year) {
        if (countersReady.contains(year)) {
            return;
        }
        tx.executeWithoutResult(s -> {
            repository.ensureCounter(year);
            long corrected = repository.reconcileCounter(year);
            if (corrected != 0) {
                log.warn("Receipt counter of {} moved by {} to the highest receipt number on file "
                        + "(an intake cut off by a crash was rolled back)", year, corrected);
            }
        });
        countersReady.add(year);
    }

    private Complaint insertIntake(PendingIntake p, int year, long seq) {
        NewComplaint valid = p.valid();
        String receiptNo = "%d-%06d".formatted(year, seq);
        Instant due = deadlines.dueAt(p.now(), null, false, valid.serviceCode());
        String department = p.assessment().departmentCode();
        if (department != null && taxonomy.current().department(department).isEmpty()) {
            department = null; // the taxonomy changed under the model: a person routes it
        }
        ComplaintStatus status = department == null ? ComplaintStatus.RECEIVED : ComplaintStatus.TRIAGED;
        Complaint draft = new Complaint(0, receiptNo, valid.title(), valid.body(), valid.channel(),
                valid.contact(), valid.location(), valid.serviceCode(), null, false, department,
                status, p.now(), due, p.now(), null, null, 0);
        long id = repository.insert(draft, year, p.key(), p.requestHash());
        repository.insertStatusChange(id, new StatusChange(null, ComplaintStatus.RECEIVED, null,
                p.actor().name(), "채널: " + valid.channel().name(), p.now()));
        if (department != null) {
            repository.insertStatusChange(id, new StatusChange(ComplaintStatus.RECEIVED, ComplaintStatus.TRIAGED,
                    department, TRIAGE_ACTOR, p.assessment().note(), p.now()));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("channel", valid.channel().name());
        detail.put("serviceCode", valid.serviceCode());
        detail.put("dueAt", due.toString());
        detail.put("department", department);
        audit.record(p.actor().name(), "complaint.received", "complaint", receiptNo, detail);
        Complaint saved = withId(draft, id);
        p.assessment().store(saved);
        return saved;
    }

    private IntakeResult replay(String key, String requestHash) {
        var earlier = repository.findByIdempotencyKey(key);
        if (earlier.isEmpty()) {
            return null;
        }
        if (!Objects.equals(earlier.get().requestHash(), requestHash)) {
            throw new MokminException(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                    "이 Idempotency-Key는 다른 내용의 민원에 이미 사용되었습니다.");
        }
        Complaint first = repository.findByReceiptNo(earlier.get().receiptNo()).orElseThrow();
        return new IntakeResult(first, citizenToken(first.receiptNo()), true);
    }

    /** A complaint with its history, for staff. */
    public record ComplaintDetail(Complaint complaint, List<StatusChange> history) {
    }

    public ComplaintDetail get(String receiptNo, Actor actor) {
        Complaint c = find(receiptNo);
        requireVisible(c, actor);
        return new ComplaintDetail(c, repository.history(c.id()));
    }

    /**
     * The citizen's status check: receipt number plus the phone number given at intake. A wrong phone gives
     * the same answer as an unknown receipt number, so numbers cannot be probed.
     */
    public ComplaintDetail lookupForCitizen(String receiptNo, String phone) {
        String given = ComplaintRepository.digits(phone);
        var onFile = receiptNo == null ? java.util.Optional.<String>empty() : repository.phoneDigits(receiptNo);
        if (given == null || given.isEmpty() || onFile.isEmpty()
                || !MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                onFile.get().getBytes(StandardCharsets.US_ASCII))) {
            throw MokminException.notFound("접수번호와 전화번호가 일치하는 민원이 없습니다.");
        }
        Complaint c = find(receiptNo);
        return new ComplaintDetail(c, repository.history(c.id()));
    }

    /** Citizen access token for one complaint (given once at intake; lets the citizen add attachments). */
    public String citizenToken(String receiptNo) {
        byte[] full = citizenMac.get().doFinal(receiptNo.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(full).substring(0, 32);
    }

    /** A keyed HMAC per thread: looking the algorithm up and keying it cost more than the MAC itself. */
    private Mac newCitizenMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret("citizen-token"), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isCitizenTokenValid(String receiptNo, String token) {
        return token != null && MessageDigest.isEqual(citizenToken(receiptNo).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    public record Page(List<Complaint> items, long total, int limit, int offset) {
    }

    /** Staff list. Officers and department heads only ever see their department (and, in the routing department, the routing queue). */
    public Page list(ComplaintQuery query, Actor actor) {
        requireStaff(actor);
        ComplaintQuery scoped = query;
        if (!actor.isAdmin()) {
            String own = Objects.requireNonNull(actor.departmentCode(), "officer without department");
            boolean router = own.equals(taxonomy.current().routingDepartment());
            boolean wantsQueue = "".equals(query.departmentCode());
            if (!(router && wantsQueue)) {
                if (query.departmentCode() != null && !query.departmentCode().equals(own)) {
                    throw MokminException.forbidden("다른 부서의 민원은 조회할 수 없습니다.");
                }
                scoped = query.withDepartment(own);
            }
        }
        Instant now = Instant.now(clock);
        return new Page(repository.find(scoped, now), repository.count(scoped, now), scoped.limit(), scoped.offset());
    }

    public Complaint transition(String receiptNo, TransitionRequest request, Actor actor) {
        requireStaff(actor);
        return tx.execute(status -> {
            Complaint current = find(receiptNo);
            requireVisible(current, actor);
            ComplaintLifecycle.Outcome outcome = ComplaintLifecycle.apply(current, request);
            if (outcome.departmentCode() != null && taxonomy.current().department(outcome.departmentCode()).isEmpty()) {
                throw MokminException.invalid("알 수 없는 부서입니다: " + outcome.departmentCode());
            }
            ComplaintType type = request.type() != null ? request.type() : current.type();
            boolean lawInquiry = request.lawInquiry() != null ? request.lawInquiry() : current.lawInquiry();
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            // The clock keeps running from receipt: a new type re-derives the due date from the receipt time,
            // and 이송 keeps it unchanged.
            Instant due = type != current.type() || lawInquiry != current.lawInquiry()
                    ? deadlines.dueAt(current.receivedAt(), type, lawInquiry, current.serviceCode())
                    : current.dueAt();
            Complaint next = new Complaint(current.id(), current.receiptNo(), current.title(), current.body(),
                    current.channel(), current.contact(), current.location(), current.serviceCode(), type, lawInquiry,
                    outcome.departmentCode(), outcome.status(), current.receivedAt(), due, now, outcome.answer(),
                    outcome.rejectReason(), current.rowVersion());
            if (!repository.update(next)) {
                throw new MokminException(ProblemKind.CONCURRENT_UPDATE,
                        "다른 사용자가 먼저 이 민원을 변경했습니다. 새로 고친 뒤 다시 시도하세요.");
            }
            String note = request.note() != null ? request.note()
                    : outcome.status() == ComplaintStatus.REJECTED ? outcome.rejectReason() : null;
            repository.insertStatusChange(current.id(), new StatusChange(current.status(), outcome.status(),
                    outcome.departmentCode(), actor.name(), note, now));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("from", current.status().name());
            detail.put("to", outcome.status().name());
            detail.put("department", outcome.departmentCode());
            detail.put("previousDepartment", current.departmentCode());
            detail.put("type", type == null ? null : type.name());
            detail.put("dueAt", due.toString());
            audit.record(actor.name(), "complaint.transition", "complaint", receiptNo, detail);
            boolean routedByOfficer = (outcome.status() == ComplaintStatus.ASSIGNED
                    || outcome.status() == ComplaintStatus.TRANSFERRED) && outcome.departmentCode() != null;
            if (routedByOfficer) {
                events.publishEvent(new ComplaintRouted(current.id(), receiptNo, current.departmentCode(),
                        outcome.departmentCode(), actor.name()));
            }
            meters.counter("mokmin.complaints.transitions", "to", outcome.status().name()).increment();
            return repository.findById(current.id()).orElseThrow();
        });
    }

    /**
     * An admin added or removed a 선거일·임시공휴일: open complaints whose period spans that day get their due date
     * recomputed from their receipt time (the law counts only working days).
     */
    @EventListener
    public void onHolidaysChanged(HolidayService.HolidaysChanged change) {
        Instant dayStart = change.date().atStartOfDay(zone).toInstant();
        Instant dayEnd = change.date().plusDays(1).atStartOfDay(zone).toInstant();
        tx.executeWithoutResult(s -> {
            for (Complaint c : repository.findOpenSpanning(dayStart, dayEnd)) {
                Instant due = deadlines.dueAt(c.receivedAt(), c.type(), c.lawInquiry(), c.serviceCode());
                if (!due.equals(c.dueAt())) {
                    repository.updateDueAt(c.id(), due);
                    audit.record(Actor.SYSTEM.name(), "complaint.due-recomputed", "complaint", c.receiptNo(),
                            Map.of("previousDueAt", c.dueAt().toString(), "dueAt", due.toString(),
                                    "holiday", change.date().toString()));
                }
            }
        });
    }

    /** Whether the actor may see this complaint: admins all, officers their department (routing: unassigned too). */
    public boolean isVisible(Complaint c, Actor actor) {
        if (!actor.isStaff()) {
            return false;
        }
        if (actor.isAdmin()) {
            return true;
        }
        if (actor.departmentCode() == null) {
            return false;
        }
        if (actor.departmentCode().equals(c.departmentCode())) {
            return true;
        }
        return c.departmentCode() == null && actor.departmentCode().equals(taxonomy.current().routingDepartment());
    }

    public Complaint find(String receiptNo) {
        return repository.findByReceiptNo(receiptNo)
                .orElseThrow(() -> MokminException.notFound("접수번호 " + receiptNo + "의 민원이 없습니다."));
    }

    public Complaint requireVisibleComplaint(String receiptNo, Actor actor) {
        Complaint c = find(receiptNo);
        requireVisible(c, actor);
        return c;
    }

    private void requireVisible(Complaint c, Actor actor) {
        if (!isVisible(c, actor)) {
            // Same answer as a missing complaint: officers must not learn what other departments hold.
            throw MokminException.notFound("접수번호 " + c.receiptNo() + "의 민원이 없습니다.");
        }
    }

    private static void requireStaff(Actor actor) {
        if (actor == null || !actor.isStaff() || (actor.role() != Role.ADMIN && actor.departmentCode() == null)) {
            throw MokminException.forbidden("담당 공무원만 할 수 있습니다.");
        }
    }

    private static Complaint withId(Complaint c, long id) {
        return new Complaint(id, c.receiptNo(), c.title(), c.body(), c.channel(), c.contact(), c.location(),
                c.serviceCode(), c.type(), c.lawInquiry(), c.departmentCode(), c.status(), c.receivedAt(), c.dueAt(),
                c.updatedAt(), c.answer(), c.rejectReason(), c.rowVersion());
    }

    private static String requestHash(NewComplaint c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : new Object[] {c.title(), c.body(), c.channel(), c.contact(), c.location(),
                    c.serviceCode()}) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
