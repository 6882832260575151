package kr.mokmin.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kr.mokmin.audit.AuditTrail;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/**
 * Spring adapter of the calendar: keeps the admin's 선거일·임시공휴일 in the database and owns the shared
 * {@link KoreanHolidays} and {@link DeadlineCalculator}. Publishes {@link HolidaysChanged} so due dates can follow.
 */
@Service
public class HolidayService {

    /** Published after the extra holidays changed, so open complaints' due dates can be recomputed. */
    public record HolidaysChanged(LocalDate date) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final KoreanHolidays holidays;
    private final DeadlineCalculator deadlines;

    public HolidayService(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.holidays = new KoreanHolidays(this::extras);
        this.deadlines = new DeadlineCalculator(holidays);
    }

    public KoreanHolidays holidays() {
        return holidays;
    }

    public DeadlineCalculator deadlines() {
        return deadlines;
    }

    public List<ExtraHoliday> extras() {
        return jdbc.sql("SELECT holiday_date, name, kind FROM extra_holiday ORDER BY holiday_date")
                .query((rs, n) -> new ExtraHoliday(rs.getObject(1, LocalDate.class), rs.getString(2),
                        ExtraHoliday.Kind.valueOf(rs.getString(3))))
                .list();
    }

    @Transactional
    public ExtraHoliday add(ExtraHoliday holiday, String actor) {
        if (holiday == null || holiday.date() == null || holiday.name() == null || holiday.name().isBlank()
                || holiday.kind() == null) {
            throw MokminException.invalid("date, name, kind(ELECTION 또는 TEMPORARY)가 필요합니다.");
        }
        int year = holiday.date().getYear();
        if (year < KoreanHolidays.MIN_SUPPORTED_YEAR || year > KoreanHolidays.MAX_SUPPORTED_YEAR) {
            throw MokminException.invalid("지원하지 않는 연도입니다: " + year);
        }
        try {
            jdbc.sql("INSERT INTO extra_holiday (holiday_date, name, kind) VALUES (?, ?, ?)")
                    .params(holiday.date(), holiday.name().strip(), holiday.kind().name()).update();
        } catch (DuplicateKeyException e) {
            throw new MokminException(ProblemKind.DUPLICATE, holiday.date() + "에는 이미 지정된 공휴일이 있습니다.");
        }
        audit.record(actor, "holiday.added", "holiday", holiday.date().toString(),
                Map.of("name", holiday.name(), "kind", holiday.kind().name()));
        changed(holiday.date());
        return holiday;
    }

    @Transactional
    public void remove(LocalDate date, String actor) {
        if (jdbc.sql("DELETE FROM extra_holiday WHERE holiday_date = ?").param(date).update() == 0) {
            throw MokminException.notFound(date + "에 지정된 선거일·임시공휴일이 없습니다.");
        }
        audit.record(actor, "holiday.removed", "holiday", date.toString(), Map.of());
        changed(date);
    }

    private void changed(LocalDate date) {
        holidays.invalidate();
        events.publishEvent(new HolidaysChanged(date));
    }
}
