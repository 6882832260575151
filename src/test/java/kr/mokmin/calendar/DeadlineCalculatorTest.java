package kr.mokmin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values are worked out by hand against the 2026/2027 calendars: 2026 has 3/1 (Sun) +
 * 3/2 대체, 6/3 지방선거, 추석 9/24–9/26, 10/3 (Sat) + 10/5 대체; 2027 has 설날 2/6–2/8 + 2/9 대체.
 */
class DeadlineCalculatorTest {

    private static final KoreanHolidays HOLIDAYS = new KoreanHolidays(List.of(
            ExtraHoliday.election(LocalDate.of(2026, 6, 3), "제9회 전국동시지방선거")));
    private final DeadlineCalculator calculator = new DeadlineCalculator(HOLIDAYS);

    private static LocalDateTime t(String isoDateTime) {
        return LocalDateTime.parse(isoDateTime);
    }

    // 법 제19조②: 6 days or more, counted in working days with the first day included.

    @Test
    void sevenDaysAcrossChuseok() {
        // Fri 9/18 (1), Mon 9/21 (2), 9/22 (3), 9/23 (4), [9/24-26 추석, 9/27 Sun], 9/28 (5), 9/29 (6), 9/30 (7).
        assertThat(calculator.due(t("2026-09-18T10:00"), ProcessingPeriod.days(7)))
                .isEqualTo(t("2026-09-30T18:00"));
    }

    @Test
    void fourteenDaysAcrossSeollalWithSubstitute() {
        // 2/3 (1), 2/4, 2/5 (3), [2/6 Sat 설 전날 - 2/9 대체], 2/10 (4) ... 2/24 (14).
        assertThat(calculator.due(t("2027-02-03T15:00"), ProcessingPeriod.days(14)))
                .isEqualTo(t("2027-02-24T18:00"));
    }

    @Test
    void daysCountedFromTheNextWorkingDayWhenReceivedOnAHoliday() {
        // Sun 3/1 삼일절, Mon 3/2 대체공휴일: 3/3 (1), 3/4, 3/5, 3/6, 3/9 (5), 3/10 (6).
        assertThat(calculator.due(t("2026-03-01T10:00"), ProcessingPeriod.days(6)))
                .isEqualTo(t("2026-03-10T18:00"));
        // Sat 3/7: Mon 3/9 (1) ... Fri 3/20 (10).
        assertThat(calculator.due(t("2026-03-07T11:00"), ProcessingPeriod.days(10)))
                .isEqualTo(t("2026-03-20T18:00"));
    }

    @Test
    void receiptAfterHoursStillCountsTheFirstDay() {
        // Literal reading of "첫날을 산입": Wed 3/11 (1), 3/12, 3/13, 3/16, 3/17, 3/18 (6).
        assertThat(calculator.due(t("2026-03-11T19:30"), ProcessingPeriod.days(6)))
                .isEqualTo(t("2026-03-18T18:00"));
    }

    // 법 제19조①: up to 5 days, counted in working hours from the receipt time.

    @Test
    void immediateLateAfternoonEndsNextWorkingMorning() {
        // 16:30-18:00 (1.5h) + 09:00-10:30 (1.5h).
        assertThat(calculator.due(t("2026-03-10T16:30"), ProcessingPeriod.immediate()))
                .isEqualTo(t("2026-03-11T10:30"));
        // On a Friday the clock skips the weekend.
        assertThat(calculator.due(t("2026-03-13T16:30"), ProcessingPeriod.immediate()))
                .isEqualTo(t("2026-03-16T10:30"));
    }

    @Test
    void fiveDaysAreFortyWorkingHoursAcrossWeekendAndChuseok() {
        // 9/22 14-18 (4h), 9/23 (8h), [9/24-9/27], 9/28, 9/29, 9/30 (24h), 10/1 09-12 + 13-14 (4h).
        assertThat(calculator.due(t("2026-09-22T14:00"), ProcessingPeriod.days(5)))
                .isEqualTo(t("2026-10-01T14:00"));
    }

    @Test
    void fiveDaysFromMondayMorningEndFridayEveningButSixDaysCountAsDays() {
        assertThat(calculator.due(t("2026-03-09T09:00"), ProcessingPeriod.days(5)))
                .isEqualTo(t("2026-03-13T18:00"));
        assertThat(calculator.due(t("2026-03-09T09:00"), ProcessingPeriod.days(6)))
                .isEqualTo(t("2026-03-16T18:00"));
    }

    @Test
    void receivedOnSundayAndSubstituteHolidayStartsNextWorkingDay() {
        assertThat(calculator.due(t("2026-03-01T10:00"), ProcessingPeriod.days(1)))
                .isEqualTo(t("2026-03-03T18:00"));
    }

    @Test
    void receivedDuringLunchStartsAfterLunch() {
        assertThat(calculator.due(t("2026-03-11T12:20"), ProcessingPeriod.immediate()))
                .isEqualTo(t("2026-03-11T16:00"));
    }

    @Test
    void receivedBeforeOfficeHoursStartsAtNine() {
        // Exactly fills the morning block, so it ends at 12:00 rather than at 13:00.
        assertThat(calculator.due(t("2026-03-11T07:45"), ProcessingPeriod.immediate()))
                .isEqualTo(t("2026-03-11T12:00"));
    }

    @Test
    void receivedAfterOfficeHoursStartsNextWorkingDay() {
        assertThat(calculator.due(t("2026-03-11T19:30"), ProcessingPeriod.days(1)))
                .isEqualTo(t("2026-03-12T18:00"));
        assertThat(calculator.due(t("2026-03-11T18:00"), ProcessingPeriod.hours(1)))
                .isEqualTo(t("2026-03-12T10:00"));
    }

    @Test
    void electionDaySuppliedByTheAdministratorIsSkipped() {
        // Tue 6/2 14-18 (4h), Wed 6/3 지방선거, Thu 6/4 09-12 + 13-14 (4h).
        assertThat(calculator.due(t("2026-06-02T14:00"), ProcessingPeriod.days(1)))
                .isEqualTo(t("2026-06-04T14:00"));
    }

    @Test
    void hoursArithmeticKeepsSecondsOfTheReceipt() {
        assertThat(calculator.due(t("2026-03-11T10:15:42"), ProcessingPeriod.hours(2)))
                .isEqualTo(t("2026-03-11T13:15:42"));
    }

    // 법 제19조③: weeks, months and years per 민법 제159조-제161조, first day included.

    @ParameterizedTest(name = "{1} {2} from {0} -> {3}")
    @CsvSource({
            // Tue 3/10 + 2 weeks: the day before Tue 3/24.
            "2026-03-10T11:00, WEEKS,  2, 2026-03-23T18:00",
            // 4/15 + 1 month: 5/14 (Thu).
            "2026-04-15T11:00, MONTHS, 1, 2026-05-14T18:00",
            // 1/31 + 1 month: no 2/31, so 2/28 (민법 제160조③) - a Saturday, then 3/1 and the 3/2
            // 대체공휴일 (제161조), so 3/3.
            "2026-01-31T11:00, MONTHS, 1, 2026-03-03T18:00",
            // 6/26 + 3 months: 9/25 추석, 9/26 Sat, 9/27 Sun, so Mon 9/28.
            "2026-06-26T11:00, MONTHS, 3, 2026-09-28T18:00",
            // Leap day + 1 year: 2025 has no 2/29, so 2/28 (Fri).
            "2024-02-29T11:00, YEARS,  1, 2025-02-28T18:00"})
    void calendarPeriodsFollowTheCivilCode(LocalDateTime receivedAt, String unit, int amount,
                                           LocalDateTime expected) {
        ProcessingPeriod period = switch (unit) {
            case "WEEKS" -> ProcessingPeriod.weeks(amount);
            case "MONTHS" -> ProcessingPeriod.months(amount);
            case "YEARS" -> ProcessingPeriod.years(amount);
            default -> throw new IllegalArgumentException(unit);
        };
        assertThat(calculator.due(receivedAt, period)).isEqualTo(expected);
    }

    // Working time between two instants, remaining time and overdue.

    @ParameterizedTest(name = "{0} -> {1} = {2}")
    @CsvSource({
            "2026-03-13T17:00, 2026-03-16T10:00, PT2H",   // Fri evening to Mon morning
            "2026-03-11T11:00, 2026-03-11T14:00, PT2H",   // across lunch
            "2026-03-11T14:00, 2026-03-11T11:00, -PT2H",  // reversed
            "2026-09-23T09:00, 2026-09-28T18:00, PT16H",  // across 추석 and a weekend
            "2026-03-14T10:00, 2026-03-15T16:00, PT0S",   // a weekend
            "2026-03-11T18:30, 2026-03-12T08:00, PT0S"})  // a night
    void workingTimeBetween(LocalDateTime from, LocalDateTime to, Duration expected) {
        assertThat(calculator.workingTimeBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void remainingTimeAndOverdue() {
        LocalDateTime received = t("2026-09-18T10:00");
        ProcessingPeriod sevenDays = ProcessingPeriod.days(7);

        assertThat(calculator.remainingWorkingTime(received, sevenDays, t("2026-09-29T16:00")))
                .isEqualTo(Duration.ofHours(10));
        assertThat(calculator.isOverdue(received, sevenDays, t("2026-09-30T18:00"))).isFalse();
        assertThat(calculator.isOverdue(received, sevenDays, t("2026-09-30T18:00:01"))).isTrue();
        assertThat(calculator.remainingWorkingTime(received, sevenDays, t("2026-10-01T10:00")))
                .isEqualTo(Duration.ofHours(-1));
    }

    @Test
    void hourPeriodsAlwaysSpanExactlyTheirWorkingTime() {
        Random random = new Random(20260511);
        LocalDateTime first = t("2025-01-01T00:00");
        for (int i = 0; i < 2_000; i++) {
            LocalDateTime receivedAt = first.plusMinutes(random.nextInt(3 * 365 * 24 * 60));
            int hours = 1 + random.nextInt(40);
            LocalDateTime due = calculator.due(receivedAt, ProcessingPeriod.hours(hours));

            assertThat(calculator.workingTimeBetween(receivedAt, due))
                    .as("%dh from %s (due %s)", hours, receivedAt, due)
                    .isEqualTo(Duration.ofHours(hours));
            assertThat(HOLIDAYS.isWorkingDay(due.toLocalDate())).isTrue();
        }
    }

    // Configurable office hours.

    @Test
    void customOfficeHours() {
        DeadlineCalculator earlyOffice = new DeadlineCalculator(HOLIDAYS,
                new WorkingHours(LocalTime.of(8, 0), LocalTime.of(17, 0), LocalTime.of(12, 0), LocalTime.of(13, 0)));
        // 16:30-17:00 (0.5h) + 08:00-10:30 (2.5h).
        assertThat(earlyOffice.due(t("2026-03-10T16:30"), ProcessingPeriod.immediate()))
                .isEqualTo(t("2026-03-11T10:30"));
        assertThat(earlyOffice.due(t("2026-03-10T10:00"), ProcessingPeriod.days(6)))
                .isEqualTo(t("2026-03-17T17:00"));

        DeadlineCalculator noLunchBreak = new DeadlineCalculator(HOLIDAYS,
                new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0), LocalTime.of(12, 0), LocalTime.of(12, 0)));
        assertThat(noLunchBreak.due(t("2026-03-11T11:00"), ProcessingPeriod.immediate()))
                .isEqualTo(t("2026-03-11T14:00"));
    }

    @Test
    void invalidInputsAreRejected() {
        assertThat(WorkingHours.CIVIL_SERVICE.perDay()).isEqualTo(Duration.ofHours(8));
        assertThatThrownBy(() -> new WorkingHours(
                LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(18, 30), LocalTime.of(19, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessingPeriod.days(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calculator.plusWorkingTime(t("2026-03-11T10:00"), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
