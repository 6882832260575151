package kr.mokmin.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Public holidays of 관공서 under 「관공서의 공휴일에 관한 규정」, each year computed with the rules in
 * force then (see {@link HolidayRules}), plus administrator-maintained elections and 임시공휴일.
 *
 * <p>Thread-safe. Years are computed once and cached because {@link #isWorkingDay} sits on the
 * hot path of every complaint intake; call {@link #invalidate()} after the extras change.
 */
public final class KoreanHolidays {

    public static final int MIN_SUPPORTED_YEAR = HolidayRules.MIN_YEAR;
    public static final int MAX_SUPPORTED_YEAR = HolidayRules.MAX_YEAR;

    private static final int YEAR_COUNT = MAX_SUPPORTED_YEAR - MIN_SUPPORTED_YEAR + 1;

    private final Supplier<? extends Collection<ExtraHoliday>> extras;

    /*
     * One slot per supported year. Invalidation swaps in a fresh array instead of clearing slots,
     * so a computation that read the old extras can only ever publish into the discarded array.
     */
    private volatile AtomicReferenceArray<Year> cache = new AtomicReferenceArray<>(YEAR_COUNT);

    /**
     * @param extras elections and 임시공휴일; read again for a year whenever that year is computed,
     *               i.e. on first use and after {@link #invalidate()}
     */
    public KoreanHolidays(Supplier<? extends Collection<ExtraHoliday>> extras) {
        this.extras = Objects.requireNonNull(extras, "extras");
    }

    /** A calendar with a fixed list of extras. */
    public KoreanHolidays(Collection<ExtraHoliday> extras) {
        List<ExtraHoliday> copy = List.copyOf(extras);
        this.extras = () -> copy;
    }

    /** A calendar with the statutory holidays only. */
    public static KoreanHolidays withoutExtras() {
        return new KoreanHolidays(List.of());
    }

    /** All holidays of the year sorted by date; a date can appear more than once. */
    public List<Holiday> holidays(int year) {
        return year(year).holidays;
    }

    /**
     * Whether a statutory holiday, 대체공휴일, election or 임시공휴일 falls on {@code date}. A plain
     * Sunday is not reported here although 제2조 제1호 makes it a 공휴일; use {@link #isWorkingDay}.
     */
    public boolean isHoliday(LocalDate date) {
        return year(date.getYear()).isHoliday(date);
    }

    /** Not a Saturday, not a Sunday and not a holiday: a day 민원 처리기간 counts. */
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    /** Drops every cached year so the next lookup re-reads the extras. */
    public void invalidate() {
        cache = new AtomicReferenceArray<>(YEAR_COUNT);
    }

    private Year year(int year) {
        HolidayRules.checkSupported(year);
        AtomicReferenceArray<Year> years = cache;
        int slot = year - MIN_SUPPORTED_YEAR;
        Year cached = years.get(slot);
        if (cached != null) {
            return cached;
        }
        // Racing threads may both compute; the result is identical and the first one wins.
        Year computed = new Year(HolidayRules.holidaysOf(year, List.copyOf(extras.get())));
        return years.compareAndSet(slot, null, computed) ? computed : years.get(slot);
    }

    /** One computed year with a day-of-year lookup table. */
    private static final class Year {
        private final List<Holiday> holidays;
        private final boolean[] holidayByDayOfYear = new boolean[367];

        Year(List<Holiday> holidays) {
            this.holidays = holidays;
            holidays.forEach(h -> holidayByDayOfYear[h.date().getDayOfYear()] = true);
        }

        boolean isHoliday(LocalDate date) {
            return holidayByDayOfYear[date.getDayOfYear()];
        }
    }
}
