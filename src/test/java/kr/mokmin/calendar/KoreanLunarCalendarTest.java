package kr.mokmin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Lunar dates from ICU's Korean calendar, around the leap-month and month-length traps. */
class KoreanLunarCalendarTest {

    private static final KoreanHolidays STATUTORY_ONLY = KoreanHolidays.withoutExtras();

    private static LocalDate d(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    @Test
    void buddhasBirthdayUsesTheRegularMonthInAYearWithLeapFourthMonth() {
        // 2020 had 윤4월 starting 2020-05-23; its 8th day (2020-05-30) is not a holiday.
        assertThat(KoreanLunarCalendar.toGregorian(2020, 4, 8)).isEqualTo(d("2020-04-30"));
        assertThat(STATUTORY_ONLY.isHoliday(d("2020-05-30"))).isFalse();
    }

    @Test
    void chuseokFollowsTheLeapSixthMonthOf2025() {
        // Without the 윤6월 of 2025 (from 2025-07-25) 추석 would fall a month earlier.
        assertThat(KoreanLunarCalendar.toGregorian(2025, 8, 15)).isEqualTo(d("2025-10-06"));
    }

    @Test
    void seollalEveIsTheLastDayOfMonthTwelveWhetherItHas29Or30Days() {
        // Lunar 12th month 2025/26 has 29 days (2026-01-19 .. 2026-02-16), 2026/27 has 30 days.
        assertThat(KoreanLunarCalendar.toGregorian(2025, 12, 1)).isEqualTo(d("2026-01-19"));
        assertThat(d("2026-01-19").plusDays(28)).isEqualTo(d("2026-02-16"));
        assertThat(STATUTORY_ONLY.holidays(2026)).extracting(Holiday::name, Holiday::date)
                .contains(tuple("설날 전날", d("2026-02-16")));

        assertThat(KoreanLunarCalendar.toGregorian(2026, 12, 1)).isEqualTo(d("2027-01-08"));
        assertThat(KoreanLunarCalendar.toGregorian(2026, 12, 30)).isEqualTo(d("2027-02-06"));
        assertThat(STATUTORY_ONLY.holidays(2027)).extracting(Holiday::name, Holiday::date)
                .contains(tuple("설날 전날", d("2027-02-06")));

        assertThatThrownBy(() -> KoreanLunarCalendar.toGregorian(2025, 12, 30))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seollalAfterTheLeapEleventhMonthOf2033() {
        // The "2033 problem": a 윤11월 in 2033 shifts the following 설날 to 2034-02-19.
        assertThat(STATUTORY_ONLY.holidays(2034)).extracting(Holiday::name, Holiday::date)
                .contains(tuple("설날 전날", d("2034-02-18")), tuple("설날", d("2034-02-19")));
    }
}
