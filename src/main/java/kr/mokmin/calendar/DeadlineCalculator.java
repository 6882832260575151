package kr.mokmin.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.Objects;

/**
 * 민원 처리기한 under 「민원 처리에 관한 법률」 제19조 and its 시행령 제19조.
 *
 * <ul>
 *   <li>"즉시": 3 working hours (시행령 제19조).</li>
 *   <li>Up to 5 days: counted in hours from the receipt time, 1 day = 8 working hours, Saturdays
 *       and 공휴일 not counted (법 제19조①).</li>
 *   <li>6 days or more: counted in working days, the first day included, Saturdays and 공휴일 not
 *       counted (법 제19조②); due at the end of working hours of the last day.</li>
 *   <li>Weeks, months, years: calendar counting with the first day included and 「민법」
 *       제159조–제161조 (법 제19조③).</li>
 * </ul>
 *
 * <p>공휴일 here means every non-working day of {@link KoreanHolidays#isWorkingDay}, Sundays
 * included (「공휴일에 관한 법률」 부칙 제3조). All values are Asia/Seoul local date-times.
 * Periods excluded by 시행령 제20조 (보완 등) are the caller's business. Thread-safe.
 */
public final class DeadlineCalculator {

    /** 법 제19조① 후단: "1일은 8시간의 근무시간을 기준으로 한다", whatever the office hours are. */
    static final Duration HOURS_PER_DAY = Duration.ofHours(8);
    /** 시행령 제19조: "즉시" means within 3 working hours. */
    static final Duration IMMEDIATE = Duration.ofHours(3);
    /** 법 제19조①/②: up to this many days is counted in hours, longer in days. */
    private static final int MAX_DAYS_COUNTED_IN_HOURS = 5;

    private final KoreanHolidays holidays;
    private final WorkingHours hours;

    public DeadlineCalculator(KoreanHolidays holidays, WorkingHours workingHours) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.hours = Objects.requireNonNull(workingHours, "workingHours");
    }

    /** With 09:00–18:00 office hours and a 12:00–13:00 lunch break. */
    public DeadlineCalculator(KoreanHolidays holidays) {
        this(holidays, WorkingHours.CIVIL_SERVICE);
    }

    /** The moment the 처리기간 ends for a 민원 received (접수) at {@code receivedAt}. */
    public LocalDateTime due(LocalDateTime receivedAt, ProcessingPeriod period) {
        Objects.requireNonNull(receivedAt, "receivedAt");
        return switch (Objects.requireNonNull(period, "period")) {
            case ProcessingPeriod.Immediate immediate -> plusWorkingTime(receivedAt, IMMEDIATE);
            case ProcessingPeriod.Hours h -> plusWorkingTime(receivedAt, Duration.ofHours(h.hours()));
            case ProcessingPeriod.Days d when d.days() <= MAX_DAYS_COUNTED_IN_HOURS ->
                    plusWorkingTime(receivedAt, HOURS_PER_DAY.multipliedBy(d.days()));
            case ProcessingPeriod.Days d -> endOfNthWorkingDay(receivedAt.toLocalDate(), d.days());
            case ProcessingPeriod.Weeks w -> civilCodeExpiry(receivedAt.toLocalDate(), Period.ofWeeks(w.weeks()));
            case ProcessingPeriod.Months m -> civilCodeExpiry(receivedAt.toLocalDate(), Period.ofMonths(m.months()));
            case ProcessingPeriod.Years y -> civilCodeExpiry(receivedAt.toLocalDate(), Period.ofYears(y.years()));
        };
    }

    /** Whether the period has run out at {@code now}; finishing exactly at the due time is in time. */
    public boolean isOverdue(LocalDateTime receivedAt, ProcessingPeriod period, LocalDateTime now) {
        return now.isAfter(due(receivedAt, period));
    }

    /**
     * Working time left until the due time, negative by the working time spent past it. Right
     * after an 18:00 deadline this is still zero, so decide lateness with {@link #isOverdue}.
     */
    public Duration remainingWorkingTime(LocalDateTime receivedAt, ProcessingPeriod period, LocalDateTime now) {
        return workingTimeBetween(now, due(receivedAt, period));
    }

    /**
     * The instant {@code workingTime} of working time after {@code from}. Time outside working
     * hours, at lunch, on Saturdays and on 공휴일 does not count; starting outside working hours
     * starts the clock at the next working period. Also serves the 근무시간 limits of the
     * 시행령 (e.g. 8근무시간 이내 접수, 3근무시간 이내 이송).
     */
    public LocalDateTime plusWorkingTime(LocalDateTime from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("workingTime must not be negative: " + workingTime);
        }
        LocalDateTime cursor = from;
        Duration remaining = workingTime;
        while (true) {
            cursor = nextWorkingInstant(cursor);
            LocalDateTime blockEnd = endOfWorkingBlock(cursor);
            Duration available = Duration.between(cursor, blockEnd);
            // "<=": a deadline that exactly fills a block ends at its end (18:00), not at 09:00 next day.
            if (remaining.compareTo(available) <= 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(available);
            cursor = blockEnd;
        }
    }

    /** Working time in [{@code from}, {@code to}); negative when {@code to} is before {@code from}. */
    public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        Duration total = Duration.ZERO;
        for (LocalDate day = from.toLocalDate(); !day.isAfter(to.toLocalDate()); day = day.plusDays(1)) {
            if (holidays.isWorkingDay(day)) {
                total = total.plus(overlap(from, to, day.atTime(hours.start()), day.atTime(hours.lunchStart())))
                        .plus(overlap(from, to, day.atTime(hours.lunchEnd()), day.atTime(hours.end())));
            }
        }
        return total;
    }

    /**
     * 법 제19조②: the Nth working day counting the day of receipt as the first.
     *
     * <p>A 민원 received after office hours on a working day still counts that day as day 1: the
     * article says "첫날을 산입" without regard to the hour, and 제19조① shows that where the hour
     * matters the law says so. A receipt on a Saturday or 공휴일 starts with the next working day,
     * since those days are "산입하지 아니한다".
     */
    private LocalDateTime endOfNthWorkingDay(LocalDate receivedOn, int workingDays) {
        LocalDate day = holidays.isWorkingDay(receivedOn) ? receivedOn : nextWorkingDay(receivedOn);
        for (int counted = 1; counted < workingDays; counted++) {
            day = nextWorkingDay(day);
        }
        return day.atTime(hours.end());
    }

    /**
     * 법 제19조③ with the first day included, so the receipt day is the 기산일: the period ends the
     * day before the corresponding day of the last week, month or year (민법 제160조②), or on the
     * last day of that month when it has no corresponding day (제160조③, e.g. 1/31 + 1 month);
     * a last day on a Saturday or 공휴일 moves to the next day that is neither (제161조).
     */
    private LocalDateTime civilCodeExpiry(LocalDate receivedOn, Period length) {
        LocalDate correspondingDay = receivedOn.plus(length);
        // For months and years java.time clamps a missing day to the month end, which is exactly
        // 제160조③'s answer; weeks always have a corresponding day.
        boolean noCorrespondingDay = length.getDays() == 0
                && correspondingDay.getDayOfMonth() != receivedOn.getDayOfMonth();
        LocalDate lastDay = noCorrespondingDay ? correspondingDay : correspondingDay.minusDays(1);
        while (!holidays.isWorkingDay(lastDay)) {
            lastDay = lastDay.plusDays(1);
        }
        return lastDay.atTime(hours.end());
    }

    /** {@code at} itself if it lies inside working time, else the start of the next working block. */
    private LocalDateTime nextWorkingInstant(LocalDateTime at) {
        LocalDate day = at.toLocalDate();
        if (holidays.isWorkingDay(day)) {
            LocalTime time = at.toLocalTime();
            if (time.isBefore(hours.start())) {
                return day.atTime(hours.start());
            }
            if (time.isBefore(hours.lunchStart())) {
                return at;
            }
            if (time.isBefore(hours.lunchEnd())) {
                return day.atTime(hours.lunchEnd());
            }
            if (time.isBefore(hours.end())) {
                return at;
            }
        }
        return nextWorkingDay(day).atTime(hours.start());
    }

    /** End of the morning or afternoon block that contains {@code workingInstant}. */
    private LocalDateTime endOfWorkingBlock(LocalDateTime workingInstant) {
        LocalTime blockEnd = workingInstant.toLocalTime().isBefore(hours.lunchStart()) ? hours.lunchStart() : hours.end();
        return workingInstant.toLocalDate().atTime(blockEnd);
    }

    private LocalDate nextWorkingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (!holidays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static Duration overlap(LocalDateTime from, LocalDateTime to, LocalDateTime blockStart,
                                    LocalDateTime blockEnd) {
        LocalDateTime start = from.isAfter(blockStart) ? from : blockStart;
        LocalDateTime end = to.isBefore(blockEnd) ? to : blockEnd;
        return start.isBefore(end) ? Duration.between(start, end) : Duration.ZERO;
    }
}
