package kr.mokmin.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import kr.mokmin.account.Actor;
import kr.mokmin.account.Role;
import kr.mokmin.audit.AuditTrail;
import kr.mokmin.calendar.ExtraHoliday;
import kr.mokmin.calendar.HolidayService;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.support.MutableClock;
import kr.mokmin.triage.TriageRepository;
import kr.mokmin.triage.TriageResult;

/**
 * The complaint store's behaviour, run against each real database (embedded H2 and PostgreSQL) by subclasses.
 * Goes through the real service, repository, transactions and Flyway schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(ComplaintStoreContract.Clocks.class)
abstract class ComplaintStoreContract {

    /** 2026-03-09 (Mon) 10:00 KST. */
    static final Instant START = Instant.parse("2026-03-09T01:00:00Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    static final Actor ADMIN = new Actor("admin", Role.ADMIN, null);
    static final Actor TRAFFIC_OFFICER = new Actor("kim", Role.OFFICER, "TRAFFIC_ADMIN");
    static final Actor ROAD_OFFICER = new Actor("lee", Role.OFFICER, "ROAD_MANAGEMENT");
    static final Actor ROUTER = new Actor("park", Role.OFFICER, "CIVIL_SERVICE");

    @Autowired
    ComplaintService service;
    @Autowired
    ComplaintRepository repository;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditTrail audit;
    @Autowired
    TriageRepository triage;
    @Autowired
    HolidayService holidays;

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    static NewComplaint complaint(String title, String body) {
        return new NewComplaint(title, body, Channel.API, new Complaint.Contact("홍길동", "010-1234-5678", null),
                new Complaint.Location("경기도 파주시 시청로 50", 37.76, 126.78), null);
    }

    ComplaintService.IntakeResult submit(String title) {
        return service.submit(complaint(title, title + " 내용입니다."), null, Actor.CITIZEN);
    }

    @Test
    void receiptNumbersAreUniqueAndGapFreeUnderConcurrency() throws Exception {
        long before = sequenceOf(submit("기준").complaint().receiptNo());
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(submit("동시 접수 " + thread + "-" + i).complaint().receiptNo());
                }
                return mine;
            }));
        }
        List<Long> numbers = new ArrayList<>();
        for (var f : futures) {
            f.get().forEach(r -> numbers.add(sequenceOf(r)));
        }
        pool.shutdown();
        Collections.sort(numbers);
        assertThat(numbers).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(numbers.getFirst()).isEqualTo(before + 1);
        assertThat(numbers.getLast()).isEqualTo(before + threads * perThread);
    }

    @Test
    void aRolledBackIntakeGivesItsNumberBack() {
        long last = sequenceOf(submit("앞 번호").complaint().receiptNo());
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            long taken = repository.lockCounter(2026) + 1;
            repository.setCounter(2026, taken);
            assertThat(taken).isEqualTo(last + 1);
            throw new IllegalStateException("simulated failure after taking a number");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(sequenceOf(submit("다음 번호").complaint().receiptNo())).isEqualTo(last + 1);
    }

    @Test
    void receiptNumbersRestartEachYearInKoreanTime() {
        // 2027-01-01 00:30 KST is still 2026 in UTC: the year must come from the city's zone.
        clock.set(Instant.parse("2026-12-31T15:30:00Z"));
        assertThat(submit("새해 첫 민원").complaint().receiptNo()).isEqualTo("2027-000001");
        assertThat(submit("새해 둘째 민원").complaint().receiptNo()).isEqualTo("2027-000002");
    }

    @Test
    void idempotencyKeyReplaysTheFirstResultAndRefusesADifferentRequest() {
        String key = "idem-" + System.nanoTime();
        var first = service.submit(complaint("가로등 고장", "가로등이 꺼져 있습니다."), key, Actor.CITIZEN);
        var again = service.submit(complaint("가로등 고장", "가로등이 꺼져 있습니다."), key, Actor.CITIZEN);
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.complaint().receiptNo()).isEqualTo(first.complaint().receiptNo());
        assertThat(again.citizenToken()).isEqualTo(first.citizenToken());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM complaint WHERE idempotency_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> service.submit(complaint("가로등 고장", "다른 내용"), key, Actor.CITIZEN))
                .isInstanceOfSatisfying(MokminException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void aRacedIdempotencyKeyInAGroupCommitFailsAloneAndLeavesNoGap() throws Exception {
        // Requests released together share group commits: a raced key fails inside one (unique index), is rolled
        // back to its savepoint alone and answers as a replay of the winner; the other intakes of that commit are
        // stored, and no receipt number is lost.
        long before = sequenceOf(submit("기준").complaint().receiptNo());
        int threads = 8;
        int rounds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<Long> numbers = new java.util.HashSet<>();
        try {
            for (int round = 0; round < rounds; round++) {
                String key = "race-" + round + "-" + System.nanoTime();
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<ComplaintService.IntakeResult>> keyed = new ArrayList<>();
                List<Future<ComplaintService.IntakeResult>> plain = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    boolean withKey = t % 2 == 0;
                    String title = withKey ? "동시 재전송" : "동시 접수 " + round + "-" + t;
                    (withKey ? keyed : plain).add(pool.submit(() -> {
                        start.await();
                        return service.submit(complaint(title, title + " 내용입니다."), withKey ? key : null,
                                Actor.CITIZEN);
                    }));
                }
                Set<String> keyedReceipts = new java.util.HashSet<>();
                int fresh = 0;
                for (var f : keyed) {
                    var r = f.get();
                    keyedReceipts.add(r.complaint().receiptNo());
                    fresh += r.replayed() ? 0 : 1;
                }
                assertThat(keyedReceipts).hasSize(1);
                assertThat(fresh).isEqualTo(1);
                numbers.add(sequenceOf(keyedReceipts.iterator().next()));
                for (var f : plain) {
                    assertThat(numbers.add(sequenceOf(f.get().complaint().receiptNo()))).isTrue();
                }
            }
        } finally {
            pool.shutdown();
        }
        int stored = rounds * (1 + threads / 2);
        assertThat(numbers).hasSize(stored).allMatch(n -> n > before && n <= before + stored);
        assertThat(sequenceOf(submit("다음").complaint().receiptNo())).isEqualTo(before + stored + 1);
    }

    @Test
    void intakeStoresEverythingWithHistoryAndAudit() {
        var result = service.submit(new NewComplaint("  불법 주차 신고 ",
                        "소화전 앞에 차량이 계속 주차되어 있습니다. 연락은 010-9876-5432로 주세요.",
                        Channel.WEB, new Complaint.Contact("김민원", "010 9876 5432", "minwon@example.kr"),
                        new Complaint.Location("경기도 파주시 금빛로 1", null, null), "ILLEGAL_PARKING"),
                null, Actor.CITIZEN);
        Complaint c = repository.findByReceiptNo(result.complaint().receiptNo()).orElseThrow();
        assertThat(c.title()).isEqualTo("불법 주차 신고");
        assertThat(c.channel()).isEqualTo(Channel.WEB);
        // triage routed it in the same transaction: the chosen service names the department; the type stays
        // for an officer to set (it moves the due date)
        assertThat(c.status()).isEqualTo(ComplaintStatus.TRIAGED);
        assertThat(c.type()).isNull();
        assertThat(c.departmentCode()).isEqualTo("TRAFFIC_ADMIN");
        assertThat(c.contact().phone()).isEqualTo("010 9876 5432");
        assertThat(c.receivedAt()).isEqualTo(START);
        assertThat(c.dueAt()).isAfter(START);
        assertThat(repository.history(c.id())).extracting(StatusChange::to, StatusChange::actor)
                .containsExactly(tuple(ComplaintStatus.RECEIVED, "citizen"),
                        tuple(ComplaintStatus.TRIAGED, ComplaintService.TRIAGE_ACTOR));
        assertThat(audit.forEntity("complaint", c.receiptNo())).extracting(e -> e.action())
                .containsExactly("complaint.received");
        assertThat(audit.forEntity("complaint", c.receiptNo()).getFirst().detail()).doesNotContain("010");
        TriageResult triaged = triage.find(c.id()).orElseThrow();
        assertThat(triaged.maskedText()).startsWith("불법 주차 신고\n\n").contains("010-****-5432")
                .doesNotContain("9876");
        assertThat(triaged.routedDepartment()).isEqualTo("TRAFFIC_ADMIN");
        assertThat(triaged.departments().getFirst().source()).isEqualTo("service");
        assertThat(triaged.type().type()).isEqualTo(ComplaintType.GRIEVANCE);
    }

    @Test
    void lifecycleWithTransferKeepsTheClockAndRecordsEveryStep() {
        String no = submit("보도블록 파손").complaint().receiptNo();
        Instant due = service.find(no).dueAt();
        clock.advance(Duration.ofHours(1));
        service.transition(no, new TransitionRequest(ComplaintStatus.ASSIGNED, "TRAFFIC_ADMIN", null, null, null,
                null, null), ROUTER);
        service.transition(no, new TransitionRequest(ComplaintStatus.TRANSFERRED, "ROAD_MANAGEMENT", null, null,
                null, null, "도로 파손은 도로관리과 소관"), TRAFFIC_OFFICER);
        Complaint transferred = service.find(no);
        assertThat(transferred.departmentCode()).isEqualTo("ROAD_MANAGEMENT");
        assertThat(transferred.dueAt()).isEqualTo(due);
        service.transition(no, TransitionRequest.to(ComplaintStatus.IN_PROGRESS), ROAD_OFFICER);
        service.transition(no, new TransitionRequest(ComplaintStatus.ANSWERED, null, null, null, null,
                "보수 공사를 완료하였습니다.", null), ROAD_OFFICER);
        service.transition(no, TransitionRequest.to(ComplaintStatus.CLOSED), ROAD_OFFICER);
        var detail = service.get(no, ADMIN);
        assertThat(detail.complaint().answer()).isEqualTo("보수 공사를 완료하였습니다.");
        assertThat(detail.history()).extracting(StatusChange::to).containsExactly(ComplaintStatus.RECEIVED,
                ComplaintStatus.ASSIGNED, ComplaintStatus.TRANSFERRED, ComplaintStatus.IN_PROGRESS,
                ComplaintStatus.ANSWERED, ComplaintStatus.CLOSED);
        assertThat(detail.history()).extracting(StatusChange::actor)
                .containsExactly("citizen", "park", "kim", "lee", "lee", "lee");
        assertThat(audit.forEntity("complaint", no)).hasSize(6);
        assertThatThrownBy(() -> service.transition(no, TransitionRequest.to(ComplaintStatus.IN_PROGRESS), ADMIN))
                .isInstanceOfSatisfying(MokminException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.ILLEGAL_TRANSITION));
    }

    @Test
    void settingTheTypeRederivesTheDueDateFromReceipt() {
        String no = submit("법령 해석 질의").complaint().receiptNo();
        var inquiry = service.transition(no, new TransitionRequest(ComplaintStatus.TRIAGED, null,
                ComplaintType.INQUIRY, true, null, null, null), ADMIN);
        var proposal = service.transition(no, new TransitionRequest(ComplaintStatus.ASSIGNED, "PLANNING_BUDGET",
                ComplaintType.PROPOSAL, false, null, null, null), ADMIN);
        assertThat(inquiry.type()).isEqualTo(ComplaintType.INQUIRY);
        assertThat(inquiry.lawInquiry()).isTrue();
        // 14-day periods either way, both counted from the same receipt time.
        assertThat(proposal.dueAt()).isEqualTo(inquiry.dueAt());
        assertThat(proposal.receivedAt()).isEqualTo(START);
    }

    @Test
    void officersSeeOnlyTheirDepartmentAndTheRouterSeesTheQueue() {
        String mine = submit("주차 단속 요청").complaint().receiptNo();
        String theirs = submit("포트홀 신고").complaint().receiptNo();
        String unassigned = submit("어디로 가야 할지 모르는 민원").complaint().receiptNo();
        service.transition(mine, new TransitionRequest(ComplaintStatus.ASSIGNED, "TRAFFIC_ADMIN", null, null, null,
                null, null), ADMIN);
        service.transition(theirs, new TransitionRequest(ComplaintStatus.ASSIGNED, "ROAD_MANAGEMENT", null, null,
                null, null, null), ADMIN);

        var traffic = service.list(ComplaintQuery.all(), TRAFFIC_OFFICER).items();
        assertThat(traffic).extracting(Complaint::receiptNo).contains(mine).doesNotContain(theirs, unassigned);
        assertThat(traffic).allMatch(c -> "TRAFFIC_ADMIN".equals(c.departmentCode()));
        assertThatThrownBy(() -> service.get(theirs, TRAFFIC_OFFICER))
                .isInstanceOfSatisfying(MokminException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.NOT_FOUND));
        assertThatThrownBy(() -> service.list(ComplaintQuery.all().withDepartment("ROAD_MANAGEMENT"), TRAFFIC_OFFICER))
                .isInstanceOf(MokminException.class);
        assertThatThrownBy(() -> service.transition(theirs, TransitionRequest.to(ComplaintStatus.IN_PROGRESS),
                TRAFFIC_OFFICER)).isInstanceOf(MokminException.class);
        // An officer outside the routing department cannot peek into the routing queue either.
        assertThatThrownBy(() -> service.list(ComplaintQuery.all().withDepartment(""), TRAFFIC_OFFICER))
                .isInstanceOfSatisfying(MokminException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.FORBIDDEN));

        var queue = service.list(ComplaintQuery.all().withDepartment(""), ROUTER).items();
        assertThat(queue).extracting(Complaint::receiptNo).contains(unassigned).doesNotContain(mine, theirs);
        assertThat(service.get(unassigned, ROUTER).complaint().receiptNo()).isEqualTo(unassigned);
        assertThatThrownBy(() -> service.list(ComplaintQuery.all(), Actor.CITIZEN)).isInstanceOf(MokminException.class);
    }

    @Test
    void overdueAndDueBeforeListOnlyOpenComplaints() {
        String late = submit("기한 지난 민원").complaint().receiptNo();
        String answered = submit("답변한 민원").complaint().receiptNo();
        service.transition(answered, new TransitionRequest(ComplaintStatus.ASSIGNED, "PARKS", null, null, null, null,
                null), ADMIN);
        service.transition(answered, new TransitionRequest(ComplaintStatus.ANSWERED, null, null, null, null, "답변",
                null), ADMIN);
        clock.advance(Duration.ofDays(60));
        String fresh = submit("새 민원").complaint().receiptNo();
        var overdue = service.list(new ComplaintQuery(null, null, null, true, null, 200, 0), ADMIN).items();
        assertThat(overdue).extracting(Complaint::receiptNo).contains(late).doesNotContain(answered, fresh);
        var dueSoon = service.list(new ComplaintQuery(null, null, clock.instant().plus(Duration.ofDays(30)), null,
                null, 200, 0), ADMIN).items();
        assertThat(dueSoon).extracting(Complaint::receiptNo).contains(late, fresh).doesNotContain(answered);
    }

    @Test
    void textSearchIsCaseInsensitiveAndTreatsWildcardsLiterally() {
        String hit = service.submit(complaint("Wi-Fi 100% 장애", "공원 무료 Wi-Fi가 안 됩니다"), null, Actor.CITIZEN)
                .complaint().receiptNo();
        String other = service.submit(complaint("와이파이 100 장애", "공원 와이파이"), null, Actor.CITIZEN)
                .complaint().receiptNo();
        var byPercent = service.list(new ComplaintQuery(null, null, null, null, "100%", 200, 0), ADMIN).items();
        assertThat(byPercent).extracting(Complaint::receiptNo).contains(hit).doesNotContain(other);
        var byCase = service.list(new ComplaintQuery(null, null, null, null, "wi-fi", 200, 0), ADMIN).items();
        assertThat(byCase).extracting(Complaint::receiptNo).contains(hit);
        var byKorean = service.list(new ComplaintQuery(null, Set.of(ComplaintStatus.RECEIVED), null, null,
                "와이파이", 200, 0), ADMIN).items();
        assertThat(byKorean).extracting(Complaint::receiptNo).contains(other).doesNotContain(hit);
    }

    @Test
    void concurrentChangesToOneComplaintAreDetected() {
        String no = submit("동시 변경").complaint().receiptNo();
        Complaint stale = service.find(no);
        service.transition(no, TransitionRequest.to(ComplaintStatus.TRIAGED), ADMIN);
        assertThat(repository.update(stale)).isFalse();
    }

    @Test
    void dueDatesCountWorkingDaysAndFollowAnAdminAddedHoliday() {
        // Received Mon 2026-03-09 10:00 KST with no type yet: provisional 7 days counted in working days with the
        // first day included (법 제19조②): 3/9 … 3/13 are days 1–5, 3/16 is 6, 3/17 is 7 → 18:00 KST.
        String no = submit("기한 계산").complaint().receiptNo();
        assertThat(service.find(no).dueAt()).isEqualTo(Instant.parse("2026-03-17T09:00:00Z"));
        // 즉시 = 3 working hours (시행령 제19조), the 12–13 lunch break not counted: 10–12 and 13–14 → 14:00 KST.
        var immediate = service.submit(new NewComplaint("건축물대장 발급", "발급 요청", Channel.WEB,
                Complaint.Contact.NONE, Complaint.Location.NONE, "BUILDING_REGISTER_COPY"), null, Actor.CITIZEN);
        assertThat(immediate.complaint().dueAt()).isEqualTo(Instant.parse("2026-03-09T05:00:00Z"));

        LocalDate temporary = LocalDate.of(2026, 3, 12);
        holidays.add(ExtraHoliday.temporary(temporary, "임시공휴일(시험)"), "admin");
        try {
            assertThat(service.find(no).dueAt()).isEqualTo(Instant.parse("2026-03-18T09:00:00Z"));
            assertThat(audit.forEntity("complaint", no)).extracting(e -> e.action())
                    .contains("complaint.due-recomputed");
        } finally {
            holidays.remove(temporary, "admin");
        }
        assertThat(service.find(no).dueAt()).isEqualTo(Instant.parse("2026-03-17T09:00:00Z"));
    }

    @Test
    void citizenLookupNeedsTheRightPhoneNumber() {
        String no = submit("조회 테스트").complaint().receiptNo();
        assertThat(service.lookupForCitizen(no, "01012345678").complaint().receiptNo()).isEqualTo(no);
        assertThat(service.lookupForCitizen(no, "010-1234-5678").complaint().receiptNo()).isEqualTo(no);
        assertThatThrownBy(() -> service.lookupForCitizen(no, "010-0000-0000")).isInstanceOf(MokminException.class);
        assertThatThrownBy(() -> service.lookupForCitizen("2026-999999", "01012345678"))
                .isInstanceOf(MokminException.class);
    }

    private static long sequenceOf(String receiptNo) {
        return Long.parseLong(receiptNo.substring(receiptNo.indexOf('-') + 1));
    }
}
