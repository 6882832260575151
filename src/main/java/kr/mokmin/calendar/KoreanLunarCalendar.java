package kr.mokmin.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * Converts Korean lunar (음력) dates to Gregorian dates with ICU4J's {@code DangiCalendar}.
 *
 * <p>The Korean calendar is computed for Korean local time, so it occasionally differs from the
 * Chinese calendar by a day or a leap month; only DangiCalendar gives the dates 관공서 use.
 */
final class KoreanLunarCalendar {

    /*
     * DangiCalendar's class is tagged "@deprecated ICU internal only", so it is obtained through the
     * "calendar=dangi" locale keyword, which yields the same implementation without a compile-time
     * dependency on the internal class. GMT keeps millis<->fields conversion free of DST jumps; the
     * astronomical computation uses Korea's own offset regardless of this zone.
     */
    private static final ULocale DANGI = new ULocale("ko_KR@calendar=dangi");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private KoreanLunarCalendar() {
    }

    /**
     * The Gregorian date of a day in a regular (non-leap) lunar month of the lunar year whose New
     * Year's Day (설날) falls in {@code gregorianYear}.
     */
    static LocalDate toGregorian(int gregorianYear, int lunarMonth, int lunarDay) {
        Calendar calendar = newDangiCalendar();
        // Mid-year is always past 설날 (Jan 21 - Feb 20), so this reads the wanted lunar year.
        calendar.setTimeInMillis(noonMillis(LocalDate.of(gregorianYear, 6, 1)));
        int lunarYear = calendar.get(Calendar.EXTENDED_YEAR);

        calendar.clear();
        calendar.set(Calendar.EXTENDED_YEAR, lunarYear);
        calendar.set(Calendar.MONTH, lunarMonth - 1);
        // Holidays fall in the regular month even when a 윤달 of the same number exists (2020 윤4월).
        calendar.set(Calendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, lunarDay);
        calendar.set(Calendar.HOUR_OF_DAY, 12);
        LocalDate date = LocalDate.MIN.with(JulianFields.JULIAN_DAY, calendar.get(Calendar.JULIAN_DAY));

        // ICU calendars are lenient: a non-existent day (e.g. 30 of a 29-day month) silently rolls
        // over into the next month. Reading the fields back catches that instead of returning a
        // wrong holiday.
        if (calendar.get(Calendar.EXTENDED_YEAR) != lunarYear
                || calendar.get(Calendar.MONTH) != lunarMonth - 1
                || calendar.get(Calendar.IS_LEAP_MONTH) != 0
                || calendar.get(Calendar.DAY_OF_MONTH) != lunarDay) {
            throw new IllegalArgumentException("No lunar date %d/%d in the lunar year starting in %d"
                    .formatted(lunarMonth, lunarDay, gregorianYear));
        }
        return date;
    }

    private static Calendar newDangiCalendar() {
        Calendar calendar = Calendar.getInstance(TimeZone.GMT_ZONE, DANGI);
        if (!"dangi".equals(calendar.getType())) {
            throw new IllegalStateException("ICU did not provide the Korean (dangi) calendar: " + calendar.getType());
        }
        return calendar;
    }

    private static long noonMillis(LocalDate date) {
        return date.toEpochDay() * MILLIS_PER_DAY + MILLIS_PER_DAY / 2;
    }
}
