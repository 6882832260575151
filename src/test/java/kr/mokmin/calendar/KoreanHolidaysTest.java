package kr.mokmin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanHolidaysTest {

    private static final KoreanHolidays STATUTORY_ONLY = KoreanHolidays.withoutExtras();

    private static LocalDate d(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    private static List<LocalDate> dates(KoreanHolidays calendar, int year) {
        return calendar.holidays(year).stream().map(Holiday::date).distinct().toList();
    }

    private static List<LocalDate> dates(String... isoDates) {
        return Arrays.stream(isoDates).map(LocalDate::parse).toList();
    }

    // Full years checked against the calendars actually observed / announced.

    @Test
    void year2025WithTemporaryHolidays() {
        KoreanHolidays calendar = new KoreanHolidays(List.of(
                ExtraHoliday.temporary(d("2025-01-27"), "임시공휴일"),
                // An early (궐위) presidential election is not 임기만료, so it was designated 임시공휴일.
                ExtraHoliday.temporary(d("2025-06-03"), "제21대 대통령선거")));

        assertThat(dates(calendar, 2025)).containsExactlyElementsOf(dates(
                "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30",
                "2025-03-01", "2025-03-03", "2025-05-05", "2025-05-06", "2025-06-03", "2025-06-06",
                "2025-08-15", "2025-10-03", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
                "2025-10-09", "2025-12-25"));

        assertThat(calendar.holidays(2025))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date, Holiday::name)
                .containsExactly(
                        tuple(d("2025-03-03"), "대체공휴일(삼일절)"),
                        tuple(d("2025-05-06"), "대체공휴일(부처님오신날·어린이날)"),
                        tuple(d("2025-10-08"), "대체공휴일(추석)"));
        assertThat(calendar.holidays(2025))
                .filteredOn(h -> h.date().equals(d("2025-05-05")))
                .extracting(Holiday::name)
                .containsExactly("부처님오신날", "어린이날");
        assertThat(calendar.holidays(2025))
                .filteredOn(h -> h.date().equals(d("2025-06-03")))
                .extracting(Holiday::name, Holiday::kind)
                .containsExactly(tuple("제21대 대통령선거", Holiday.Kind.TEMPORARY));
    }

    @Test
    void year2026WithLocalElection() {
        KoreanHolidays calendar = new KoreanHolidays(List.of(
                ExtraHoliday.election(d("2026-06-03"), "제9회 전국동시지방선거")));

        assertThat(dates(calendar, 2026)).containsExactlyElementsOf(dates(
                "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-03-01", "2026-03-02",
                "2026-05-01", "2026-05-05", "2026-05-24", "2026-05-25", "2026-06-03", "2026-06-06",
                "2026-07-17", "2026-08-15", "2026-08-17", "2026-09-24", "2026-09-25", "2026-09-26",
                "2026-10-03", "2026-10-05", "2026-10-09", "2026-12-25"));

        assertThat(calendar.holidays(2026))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date, Holiday::name)
                .containsExactly(
                        tuple(d("2026-03-02"), "대체공휴일(삼일절)"),
                        tuple(d("2026-05-25"), "대체공휴일(부처님오신날)"),
                        tuple(d("2026-08-17"), "대체공휴일(광복절)"),
                        tuple(d("2026-10-05"), "대체공휴일(개천절)"));
        assertThat(calendar.holidays(2026))
                .extracting(Holiday::date, Holiday::name, Holiday::kind)
                .contains(
                        tuple(d("2026-05-01"), "노동절", Holiday.Kind.PUBLIC_HOLIDAY),
                        tuple(d("2026-06-03"), "제9회 전국동시지방선거", Holiday.Kind.ELECTION),
                        tuple(d("2026-07-17"), "제헌절", Holiday.Kind.NATIONAL_DAY));
    }

    @Test
    void year2027() {
        assertThat(dates(STATUTORY_ONLY, 2027)).containsExactlyElementsOf(dates(
                "2027-01-01", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-03-01",
                "2027-05-01", "2027-05-03", "2027-05-05", "2027-05-13", "2027-06-06", "2027-07-17",
                "2027-07-19", "2027-08-15", "2027-08-16", "2027-09-14", "2027-09-15", "2027-09-16",
                "2027-10-03", "2027-10-04", "2027-10-09", "2027-10-11", "2027-12-25", "2027-12-27"));

        assertThat(STATUTORY_ONLY.holidays(2027))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date, Holiday::name)
                .containsExactly(
                        tuple(d("2027-02-09"), "대체공휴일(설날)"),
                        tuple(d("2027-05-03"), "대체공휴일(노동절)"),
                        tuple(d("2027-07-19"), "대체공휴일(제헌절)"),
                        tuple(d("2027-08-16"), "대체공휴일(광복절)"),
                        tuple(d("2027-10-04"), "대체공휴일(개천절)"),
                        tuple(d("2027-10-11"), "대체공휴일(한글날)"),
                        tuple(d("2027-12-27"), "대체공휴일(기독탄신일)"));
    }

    @Test
    void year2024WithElectionAndTemporaryHoliday() {
        KoreanHolidays calendar = new KoreanHolidays(List.of(
                ExtraHoliday.election(d("2024-04-10"), "제22대 국회의원선거"),
                ExtraHoliday.temporary(d("2024-10-01"), "국군의 날")));

        assertThat(dates(calendar, 2024)).containsExactlyElementsOf(dates(
                "2024-01-01", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-03-01",
                "2024-04-10", "2024-05-05", "2024-05-06", "2024-05-15", "2024-06-06", "2024-08-15",
                "2024-09-16", "2024-09-17", "2024-09-18", "2024-10-01", "2024-10-03", "2024-10-09",
                "2024-12-25"));
    }

    /** 설날, 부처님오신날 and 추석 as published by 한국천문연구원 (KASI) for 2020–2030. */
    @ParameterizedTest
    @CsvSource({
            "2020, 2020-01-25, 2020-04-30, 2020-10-01",
            "2021, 2021-02-12, 2021-05-19, 2021-09-21",
            "2022, 2022-02-01, 2022-05-08, 2022-09-10",
            "2023, 2023-01-22, 2023-05-27, 2023-09-29",
            "2024, 2024-02-10, 2024-05-15, 2024-09-17",
            "2025, 2025-01-29, 2025-05-05, 2025-10-06",
            "2026, 2026-02-17, 2026-05-24, 2026-09-25",
            "2027, 2027-02-07, 2027-05-13, 2027-09-15",
            "2028, 2028-01-27, 2028-05-02, 2028-10-03",
            "2029, 2029-02-13, 2029-05-20, 2029-09-22",
            "2030, 2030-02-03, 2030-05-09, 2030-09-12"})
    void lunarHolidaysMatchPublishedDates(int year, LocalDate seollal, LocalDate buddha, LocalDate chuseok) {
        assertThat(STATUTORY_ONLY.holidays(year))
                .extracting(Holiday::name, Holiday::date)
                .contains(
                        tuple("설날 전날", seollal.minusDays(1)),
                        tuple("설날", seollal),
                        tuple("설날 다음 날", seollal.plusDays(1)),
                        tuple("부처님오신날", buddha),
                        tuple("추석 전날", chuseok.minusDays(1)),
                        tuple("추석", chuseok),
                        tuple("추석 다음 날", chuseok.plusDays(1)));
    }

    // 대체공휴일 corner cases (제3조).

    @Test
    void twoSubstitutesOnTheSameDayAreSeparated() {
        // 2036: 개천절 = 추석 전날 on Friday 10/3 (제3호), 추석 on Saturday 10/4 (no substitute),
        // 추석 다음 날 on Sunday 10/5 (제2호). Both substitutes want Monday 10/6 (the first one via
        // ③ Saturday), so ② pushes the second to Tuesday 10/7.
        assertThat(STATUTORY_ONLY.holidays(2036))
                .filteredOn(h -> h.date().getMonthValue() == 10)
                .extracting(Holiday::date, Holiday::name)
                .containsExactly(
                        tuple(d("2036-10-03"), "개천절"),
                        tuple(d("2036-10-03"), "추석 전날"),
                        tuple(d("2036-10-04"), "추석"),
                        tuple(d("2036-10-05"), "추석 다음 날"),
                        tuple(d("2036-10-06"), "대체공휴일(개천절·추석)"),
                        tuple(d("2036-10-07"), "대체공휴일(추석)"),
                        tuple(d("2036-10-09"), "한글날"));
    }

    @Test
    void nationalDayOnAWeekdayChuseokGivesOneSubstitute() {
        // 2028-10-03 (Tue) is 개천절 and 추석; 10/2–10/4 are 추석, so the substitute is Thu 10/5.
        assertThat(STATUTORY_ONLY.holidays(2028))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date)
                .containsExactly(d("2028-10-05"));
    }

    @Test
    void chuseokOnSaturdayGetsNoSubstituteButOnSundayDoes() {
        // 2029: 어린이날 5/5 Saturday -> 5/7; 부처님오신날 5/20 Sunday -> 5/21;
        // 추석 9/22 Saturday (none), 추석 다음 날 9/23 Sunday -> 9/24.
        assertThat(STATUTORY_ONLY.holidays(2029))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date)
                .containsExactly(d("2029-05-07"), d("2029-05-21"), d("2029-09-24"));
    }

    @Test
    void substituteSkipsAnAdministratorHoliday() {
        KoreanHolidays calendar = new KoreanHolidays(List.of(
                ExtraHoliday.temporary(d("2026-03-02"), "임시공휴일")));

        assertThat(calendar.holidays(2026))
                .filteredOn(h -> h.date().getMonthValue() == 3)
                .extracting(Holiday::date, Holiday::kind)
                .containsExactly(
                        tuple(d("2026-03-01"), Holiday.Kind.NATIONAL_DAY),
                        tuple(d("2026-03-02"), Holiday.Kind.TEMPORARY),
                        tuple(d("2026-03-03"), Holiday.Kind.SUBSTITUTE));
    }

    @Test
    void temporaryHolidayOnASaturdayCreatesNoSubstitute() {
        KoreanHolidays calendar = new KoreanHolidays(List.of(
                ExtraHoliday.temporary(d("2026-11-14"), "임시공휴일")));

        assertThat(calendar.holidays(2026))
                .filteredOn(h -> h.date().getMonthValue() == 11)
                .extracting(Holiday::date)
                .containsExactly(d("2026-11-14"));
    }

    @Test
    void memorialDayAndNewYearNeverGetSubstitutes() {
        // 2027-06-06 and 2028-01-01 fall on Sunday / Saturday.
        assertThat(STATUTORY_ONLY.isHoliday(d("2027-06-07"))).isFalse();
        assertThat(STATUTORY_ONLY.isHoliday(d("2028-01-03"))).isFalse();
    }

    // Earlier texts of the 규정 apply to earlier years.

    @Test
    void laborDayAndConstitutionDayOnlyFrom2026() {
        assertThat(STATUTORY_ONLY.isHoliday(d("2025-05-01"))).isFalse();
        assertThat(STATUTORY_ONLY.isHoliday(d("2025-07-17"))).isFalse();
        assertThat(STATUTORY_ONLY.isHoliday(d("2026-05-01"))).isTrue();
        assertThat(STATUTORY_ONLY.isHoliday(d("2026-07-17"))).isTrue();
    }

    @Test
    void buddhaAndChristmasGotSubstitutesOnlyFrom2023May4() {
        // 2022: 12/25 Sunday and 5/8 Sunday -> none. 2023: 부처님오신날 5/27 Saturday -> 5/29.
        assertThat(STATUTORY_ONLY.isHoliday(d("2022-05-09"))).isFalse();
        assertThat(STATUTORY_ONLY.isHoliday(d("2022-12-26"))).isFalse();
        assertThat(STATUTORY_ONLY.holidays(2023))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date, Holiday::name)
                .containsExactly(
                        tuple(d("2023-01-24"), "대체공휴일(설날)"),
                        tuple(d("2023-05-29"), "대체공휴일(부처님오신날)"));
    }

    @Test
    void nationalDaysGotSubstitutesFrom2021() {
        assertThat(STATUTORY_ONLY.holidays(2021))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date)
                .containsExactly(d("2021-08-16"), d("2021-10-04"), d("2021-10-11"));
        // 2020: only 설날 다음 날 on Sunday 1/26 -> 1/27. 광복절 (Sat) and 개천절 (Sat) had none
        // (8/17 was a separately designated 임시공휴일).
        assertThat(STATUTORY_ONLY.holidays(2020))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date)
                .containsExactly(d("2020-01-27"));
    }

    @Test
    void first2013RulesCoverOnlySeollalChuseokAndChildrensDay() {
        assertThat(STATUTORY_ONLY.holidays(2014))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .extracting(Holiday::date)
                .containsExactly(d("2014-09-10"));
        // 2017: 추석 전날 on 개천절 (Tuesday) -> 10/6; 2019: 어린이날 on Sunday -> 5/6.
        assertThat(STATUTORY_ONLY.isHoliday(d("2017-10-06"))).isTrue();
        assertThat(STATUTORY_ONLY.isHoliday(d("2019-05-06"))).isTrue();
        // 2012: 추석 on Sunday 9/30, before any substitute rule.
        assertThat(STATUTORY_ONLY.holidays(2012))
                .filteredOn(h -> h.kind() == Holiday.Kind.SUBSTITUTE)
                .isEmpty();
    }

    @Test
    void olderHolidaysAreKeptUntilAbolished() {
        assertThat(STATUTORY_ONLY.holidays(2005)).extracting(Holiday::name)
                .contains("식목일", "제헌절", "석가탄신일").doesNotContain("한글날");
        assertThat(STATUTORY_ONLY.holidays(2008)).extracting(Holiday::name)
                .doesNotContain("식목일", "제헌절");
        assertThat(STATUTORY_ONLY.holidays(1998)).extracting(Holiday::name).contains("1월 2일");
        assertThat(STATUTORY_ONLY.holidays(2013)).extracting(Holiday::name).contains("한글날");
    }

    // Lookup API, caching and extras.

    @Test
    void workingDaysExcludeWeekendsAndHolidays() {
        assertThat(STATUTORY_ONLY.isWorkingDay(d("2026-09-23"))).isTrue();   // Wednesday
        assertThat(STATUTORY_ONLY.isWorkingDay(d("2026-09-24"))).isFalse();  // 추석 전날
        assertThat(STATUTORY_ONLY.isWorkingDay(d("2026-09-19"))).isFalse();  // Saturday
        assertThat(STATUTORY_ONLY.isWorkingDay(d("2026-09-20"))).isFalse();  // Sunday
        assertThat(STATUTORY_ONLY.isHoliday(d("2026-09-20"))).isFalse();     // a plain Sunday
    }

    @Test
    void extrasAreReadOncePerYearUntilInvalidated() {
        List<ExtraHoliday> store = new CopyOnWriteArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        KoreanHolidays calendar = new KoreanHolidays(() -> {
            reads.incrementAndGet();
            return store;
        });

        assertThat(calendar.isWorkingDay(d("2026-11-13"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-11-12"))).isTrue();
        assertThat(reads).hasValue(1);

        store.add(ExtraHoliday.temporary(d("2026-11-13"), "임시공휴일"));
        assertThat(calendar.isWorkingDay(d("2026-11-13"))).as("still cached").isTrue();

        calendar.invalidate();
        assertThat(calendar.isWorkingDay(d("2026-11-13"))).isFalse();
        assertThat(reads).hasValue(2);
    }

    @Test
    void concurrentFirstUseSeesOneConsistentYear() throws Exception {
        KoreanHolidays calendar = KoreanHolidays.withoutExtras();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Holiday>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> calendar.holidays(2026)));
            }
            List<Holiday> expected = calendar.holidays(2026);
            for (Future<List<Holiday>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void holidayListIsImmutable() {
        List<Holiday> holidays = STATUTORY_ONLY.holidays(2026);
        assertThatThrownBy(() -> holidays.add(holidays.getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void yearsOutsideTheSupportedRangeAreRejected() {
        assertThatThrownBy(() -> STATUTORY_ONLY.holidays(1990)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STATUTORY_ONLY.isWorkingDay(d("2101-01-03")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySupportedYearComputes() {
        for (int year = KoreanHolidays.MIN_SUPPORTED_YEAR; year <= KoreanHolidays.MAX_SUPPORTED_YEAR; year++) {
            int expectedYear = year;
            assertThat(STATUTORY_ONLY.holidays(year))
                    .isSortedAccordingTo(Comparator.comparing(Holiday::date))
                    .allMatch(h -> h.date().getYear() == expectedYear, "dated in " + expectedYear);
        }
    }
}
