package kr.mokmin.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The rules of 「관공서의 공휴일에 관한 규정」 (대통령령), applied with the text in force on each date.
 *
 * <p>Amendments that matter for the supported range (1991 onwards):
 * <ul>
 *   <li>1990.11.5 (시행 1991.1.1): 국군의 날 and 한글날 dropped; 1월 1일–2일 only.</li>
 *   <li>1998.12.18 (시행 1999.1.1): 1월 2일 dropped.</li>
 *   <li>2005.6.30: 식목일 dropped (2005-04-05 was still a holiday); 제헌절 dropped from 2008
 *       (부칙 ②).</li>
 *   <li>2012.12.28: 한글날 restored (first observed 2013-10-09).</li>
 *   <li>2013.11.5: first 대체공휴일 — 설날/추석 on a Sunday or on another holiday, 어린이날 on a
 *       Saturday, Sunday or another holiday.</li>
 *   <li>2017.10.17: 석가탄신일 renamed 부처님 오신 날.</li>
 *   <li>2021.8.4: 대체공휴일 extended to the 국경일 (3·1절, 광복절, 개천절, 한글날); 제3조 gets
 *       today's three-case structure. 기독탄신일 was NOT included, so Christmas 2021 (Sat) and
 *       2022 (Sun) had no substitute.</li>
 *   <li>2023.5.4: 부처님 오신 날 and 기독탄신일 get substitutes.</li>
 *   <li>2026.4.30: 노동절 (5월 1일) becomes a holiday with substitutes (시행 2026.5.1); 제2조 제2호
 *       covers every 국경일, so 제헌절 is a holiday again (시행 2026.5.11).</li>
 * </ul>
 */
final class HolidayRules {

    static final int MIN_YEAR = 1991;
    static final int MAX_YEAR = 2100;

    private static final LocalDate BUDDHA_RENAMED = LocalDate.of(2017, 10, 17);
    private static final LocalDate LABOR_DAY_SINCE = LocalDate.of(2026, 5, 1);
    private static final LocalDate ALL_NATIONAL_DAYS_SINCE = LocalDate.of(2026, 5, 11);

    /** The categories 제3조 uses to decide which holidays get a 대체공휴일. */
    enum SubstituteGroup {
        /** Never substituted: 1월 1일, 현충일 and holidays abolished before 2013. */
        NONE(null),
        NATIONAL_DAY(null),
        SEOLLAL("설날"),
        BUDDHA(null),
        LABOR(null),
        CHILDREN(null),
        CHUSEOK("추석"),
        CHRISTMAS(null);

        /** Name used in "대체공휴일(…)" for the three-day 설날/추석 blocks; else the holiday's own. */
        private final String blockLabel;

        SubstituteGroup(String blockLabel) {
            this.blockLabel = blockLabel;
        }
    }

    /** Declaration order is the order of 제2조 and is used to order holidays sharing a date. */
    enum Statutory {
        SAMIL("삼일절", Holiday.Kind.NATIONAL_DAY, SubstituteGroup.NATIONAL_DAY),
        CONSTITUTION("제헌절", Holiday.Kind.NATIONAL_DAY, SubstituteGroup.NATIONAL_DAY),
        LIBERATION("광복절", Holiday.Kind.NATIONAL_DAY, SubstituteGroup.NATIONAL_DAY),
        FOUNDATION("개천절", Holiday.Kind.NATIONAL_DAY, SubstituteGroup.NATIONAL_DAY),
        HANGUL("한글날", Holiday.Kind.NATIONAL_DAY, SubstituteGroup.NATIONAL_DAY),
        NEW_YEAR("1월 1일", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.NONE),
        NEW_YEAR_SECOND_DAY("1월 2일", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.NONE),
        SEOLLAL_EVE("설날 전날", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.SEOLLAL),
        SEOLLAL("설날", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.SEOLLAL),
        SEOLLAL_NEXT_DAY("설날 다음 날", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.SEOLLAL),
        ARBOR_DAY("식목일", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.NONE),
        BUDDHA("부처님오신날", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.BUDDHA),
        LABOR("노동절", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.LABOR),
        CHILDREN("어린이날", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.CHILDREN),
        MEMORIAL("현충일", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.NONE),
        CHUSEOK_EVE("추석 전날", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.CHUSEOK),
        CHUSEOK("추석", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.CHUSEOK),
        CHUSEOK_NEXT_DAY("추석 다음 날", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.CHUSEOK),
        CHRISTMAS("기독탄신일", Holiday.Kind.PUBLIC_HOLIDAY, SubstituteGroup.CHRISTMAS);

        private final String koreanName;
        private final Holiday.Kind kind;
        private final SubstituteGroup group;

        Statutory(String koreanName, Holiday.Kind kind, SubstituteGroup group) {
            this.koreanName = koreanName;
            this.kind = kind;
            this.group = group;
        }

        String nameOn(LocalDate date) {
            return this == BUDDHA && date.isBefore(BUDDHA_RENAMED) ? "석가탄신일" : koreanName;
        }

        String substituteLabel(LocalDate date) {
            return group.blockLabel != null ? group.blockLabel : nameOn(date);
        }
    }

    /**
     * One version of 제3조 ①: which groups get a substitute when they fall on a Saturday or Sunday
     * (제1호), only on a Sunday (제2호), or on a weekday shared with another 제2조 holiday (제3호).
     */
    private record SubstituteRule(LocalDate since, Set<SubstituteGroup> onSaturdayOrSunday,
                                  Set<SubstituteGroup> onSunday, Set<SubstituteGroup> onSharedWeekday) {
    }

    private static final List<SubstituteRule> SUBSTITUTE_RULES = List.of(
            // 2013.11.5: "다른 공휴일과 겹칠 경우" — Sunday is itself a 공휴일 (제2조 제1호).
            new SubstituteRule(LocalDate.of(2013, 11, 5),
                    EnumSet.of(SubstituteGroup.CHILDREN),
                    EnumSet.of(SubstituteGroup.SEOLLAL, SubstituteGroup.CHUSEOK),
                    EnumSet.of(SubstituteGroup.SEOLLAL, SubstituteGroup.CHUSEOK, SubstituteGroup.CHILDREN)),
            new SubstituteRule(LocalDate.of(2021, 8, 4),
                    EnumSet.of(SubstituteGroup.NATIONAL_DAY, SubstituteGroup.CHILDREN),
                    EnumSet.of(SubstituteGroup.SEOLLAL, SubstituteGroup.CHUSEOK),
                    EnumSet.of(SubstituteGroup.NATIONAL_DAY, SubstituteGroup.SEOLLAL,
                            SubstituteGroup.CHILDREN, SubstituteGroup.CHUSEOK)),
            new SubstituteRule(LocalDate.of(2023, 5, 4),
                    EnumSet.of(SubstituteGroup.NATIONAL_DAY, SubstituteGroup.BUDDHA,
                            SubstituteGroup.CHILDREN, SubstituteGroup.CHRISTMAS),
                    EnumSet.of(SubstituteGroup.SEOLLAL, SubstituteGroup.CHUSEOK),
                    EnumSet.of(SubstituteGroup.NATIONAL_DAY, SubstituteGroup.SEOLLAL, SubstituteGroup.BUDDHA,
                            SubstituteGroup.CHILDREN, SubstituteGroup.CHUSEOK, SubstituteGroup.CHRISTMAS)),
            new SubstituteRule(LABOR_DAY_SINCE,
                    EnumSet.of(SubstituteGroup.NATIONAL_DAY, SubstituteGroup.BUDDHA, SubstituteGroup.LABOR,
                            SubstituteGroup.CHILDREN, SubstituteGroup.CHRISTMAS),
                    EnumSet.of(SubstituteGroup.SEOLLAL, SubstituteGroup.CHUSEOK),
                    EnumSet.of(SubstituteGroup.NATIONAL_DAY, SubstituteGroup.SEOLLAL, SubstituteGroup.BUDDHA,
                            SubstituteGroup.LABOR, SubstituteGroup.CHILDREN, SubstituteGroup.CHUSEOK,
                            SubstituteGroup.CHRISTMAS)));

    private HolidayRules() {
    }

    static void checkSupported(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "Year %d outside the supported range %d-%d".formatted(year, MIN_YEAR, MAX_YEAR));
        }
    }

    /**
     * All holidays of {@code year}: 제2조 holidays, the administrator's extras (only those dated in
     * {@code year} are used), and the 대체공휴일 of 제3조, sorted by date.
     */
    static List<Holiday> holidaysOf(int year, Collection<ExtraHoliday> extras) {
        checkSupported(year);
        TreeMap<LocalDate, List<Statutory>> statutory = statutoryHolidays(year);
        List<ExtraHoliday> extrasOfYear = extras.stream().filter(e -> e.date().getYear() == year).toList();

        List<Holiday> result = new ArrayList<>();
        statutory.forEach((date, list) -> list.forEach(h -> result.add(new Holiday(date, h.nameOn(date), h.kind))));
        extrasOfYear.forEach(e -> result.add(new Holiday(e.date(), e.name(), e.kind().toHolidayKind())));
        result.addAll(substitutes(statutory, extrasOfYear));

        result.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(result);
    }

    private static TreeMap<LocalDate, List<Statutory>> statutoryHolidays(int year) {
        TreeMap<LocalDate, List<Statutory>> byDate = new TreeMap<>();

        add(byDate, Statutory.SAMIL, LocalDate.of(year, 3, 1));
        LocalDate constitutionDay = LocalDate.of(year, 7, 17);
        if (year <= 2007 || !constitutionDay.isBefore(ALL_NATIONAL_DAYS_SINCE)) {
            add(byDate, Statutory.CONSTITUTION, constitutionDay);
        }
        add(byDate, Statutory.LIBERATION, LocalDate.of(year, 8, 15));
        add(byDate, Statutory.FOUNDATION, LocalDate.of(year, 10, 3));
        if (year >= 2013) {
            add(byDate, Statutory.HANGUL, LocalDate.of(year, 10, 9));
        }

        add(byDate, Statutory.NEW_YEAR, LocalDate.of(year, 1, 1));
        if (year <= 1998) {
            add(byDate, Statutory.NEW_YEAR_SECOND_DAY, LocalDate.of(year, 1, 2));
        }

        // "음력 12월 말일" is taken as the day before 설날: month 12 has 29 or 30 days, and this also
        // stays right in a year with a leap 12th month.
        LocalDate seollal = KoreanLunarCalendar.toGregorian(year, 1, 1);
        add(byDate, Statutory.SEOLLAL_EVE, seollal.minusDays(1));
        add(byDate, Statutory.SEOLLAL, seollal);
        add(byDate, Statutory.SEOLLAL_NEXT_DAY, seollal.plusDays(1));

        if (year <= 2005) {
            add(byDate, Statutory.ARBOR_DAY, LocalDate.of(year, 4, 5));
        }
        add(byDate, Statutory.BUDDHA, KoreanLunarCalendar.toGregorian(year, 4, 8));
        if (year >= LABOR_DAY_SINCE.getYear()) {
            add(byDate, Statutory.LABOR, LocalDate.of(year, 5, 1));
        }
        add(byDate, Statutory.CHILDREN, LocalDate.of(year, 5, 5));
        add(byDate, Statutory.MEMORIAL, LocalDate.of(year, 6, 6));

        add(byDate, Statutory.CHUSEOK_EVE, KoreanLunarCalendar.toGregorian(year, 8, 14));
        add(byDate, Statutory.CHUSEOK, KoreanLunarCalendar.toGregorian(year, 8, 15));
        add(byDate, Statutory.CHUSEOK_NEXT_DAY, KoreanLunarCalendar.toGregorian(year, 8, 16));

        add(byDate, Statutory.CHRISTMAS, LocalDate.of(year, 12, 25));

        byDate.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        return byDate;
    }

    private static void add(Map<LocalDate, List<Statutory>> byDate, Statutory holiday, LocalDate date) {
        byDate.computeIfAbsent(date, d -> new ArrayList<>(2)).add(holiday);
    }

    /**
     * 제3조: every triggering holiday, in date order, takes the first following day that is neither
     * a 제2조 holiday (Sundays, statutory days, elections, 임시공휴일) nor a Saturday (③) nor already
     * a substitute (② — two substitutes on one day push the later one further).
     */
    private static List<Holiday> substitutes(TreeMap<LocalDate, List<Statutory>> statutory,
                                             List<ExtraHoliday> extras) {
        Set<LocalDate> extraDates = extras.stream().map(ExtraHoliday::date).collect(Collectors.toSet());
        Set<LocalDate> taken = new HashSet<>();
        List<Holiday> result = new ArrayList<>();

        statutory.forEach((date, holidaysOnDate) -> {
            SubstituteRule rule = ruleInForceOn(date);
            if (rule == null) {
                return;
            }
            for (String label : substituteLabels(date, holidaysOnDate, rule)) {
                LocalDate day = date.plusDays(1);
                while (isWeekend(day) || statutory.containsKey(day) || extraDates.contains(day)
                        || taken.contains(day)) {
                    day = day.plusDays(1);
                }
                // Never leaves the year: the last trigger is 12/25, whose substitute is at most 12/27.
                taken.add(day);
                result.add(new Holiday(day, "대체공휴일(" + label + ")", Holiday.Kind.SUBSTITUTE));
            }
        });
        return result;
    }

    /** One label per 대체공휴일 owed for the holidays on {@code date}. */
    private static List<String> substituteLabels(LocalDate date, List<Statutory> holidaysOnDate,
                                                 SubstituteRule rule) {
        DayOfWeek dayOfWeek = date.getDayOfWeek();
        if (dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY) {
            // 제1호/제2호: each holiday lost to the weekend is owed on its own, so a Sunday carrying
            // two eligible holidays yields two substitutes (and ② separates them).
            return holidaysOnDate.stream()
                    .filter(h -> rule.onSaturdayOrSunday().contains(h.group)
                            || (dayOfWeek == DayOfWeek.SUNDAY && rule.onSunday().contains(h.group)))
                    .map(h -> h.substituteLabel(date))
                    .toList();
        }
        if (holidaysOnDate.size() < 2) {
            return List.of();
        }
        // 제3호: k holidays sharing a weekday lose k-1 days off. Reading 제3호 per holiday would give
        // 어린이날 and 부처님오신날 one substitute each on 2025-05-05, but the government observed
        // only 2025-05-06, so at most k-1 substitutes are owed, and only if an eligible holiday is
        // involved (현충일 or 1월 1일 never trigger one themselves).
        long eligible = holidaysOnDate.stream().filter(h -> rule.onSharedWeekday().contains(h.group)).count();
        long owed = Math.min(eligible, holidaysOnDate.size() - 1L);
        String label = holidaysOnDate.stream()
                .map(h -> h.substituteLabel(date))
                .distinct()
                .collect(Collectors.joining("·"));
        List<String> labels = new ArrayList<>();
        for (long i = 0; i < owed; i++) {
            labels.add(label);
        }
        return labels;
    }

    private static SubstituteRule ruleInForceOn(LocalDate date) {
        SubstituteRule inForce = null;
        for (SubstituteRule rule : SUBSTITUTE_RULES) {
            if (!date.isBefore(rule.since())) {
                inForce = rule;
            }
        }
        return inForce;
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
    }
}
