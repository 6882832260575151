package kr.mokmin.complaint.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Dates of GeoReport v2: W3C date-time (ISO 8601 with a time zone, e.g. {@code 2026-05-24T00:00:00+09:00} or
 * {@code …Z}) in, and the same with the city's offset out. Plain Java.
 */
final class Open311Dates {

    /** GeoReport v2: a search "may not span more than 90 days"; without dates it covers the last 90 days. */
    static final Duration MAX_SPAN = Duration.ofDays(90);

    /** Seconds precision, offset always as ±hh:mm (Z for UTC): the W3C profile clients parse. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Open311Dates() {
    }

    /** The received-at window of a search: {@code from} inclusive, {@code until} exclusive. */
    record Window(Instant from, Instant until) {
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : W3C.format(instant.atZone(zone).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The search window for {@code start_date} and {@code end_date} (either may be null). Missing bounds follow
     * the spec's default of 90 days; a span over 90 days, an end before the start or an unreadable date is a 400.
     */
    static Window window(String startDate, String endDate, Instant now, ZoneId zone) {
        Instant from = startDate == null ? null : parse("start_date", startDate, zone, false);
        // Inclusive end: the last instant that still matches.
        Instant last = endDate == null ? null : parse("end_date", endDate, zone, true).minusMillis(1);
        if (from == null && last == null) {
            last = now;
            from = now.minus(MAX_SPAN);
        } else if (from == null) {
            from = last.minus(MAX_SPAN);
        } else if (last == null) {
            last = from.plus(MAX_SPAN);
        }
        if (last.isBefore(from)) {
            throw Open311Exception.badRequest("end_date가 start_date보다 앞설 수 없습니다.");
        }
        if (Duration.between(from, last).compareTo(MAX_SPAN) > 0) {
            throw Open311Exception.badRequest("start_date와 end_date 사이는 90일을 넘을 수 없습니다 (GeoReport v2).");
        }
        return new Window(from, last.plusMillis(1));
    }

    /**
     * Reads a W3C date-time. A bare date ({@code 2026-05-24}, also W3C) is that day in the city's zone; as an
     * end it covers the whole day, so the exclusive bound is the next midnight. A '+' that arrived as a space
     * (an unencoded {@code +09:00} in a query string) is read as '+'.
     *
     * @return for a start the instant itself; for an end the exclusive bound just after it
     */
    static Instant parse(String name, String value, ZoneId zone, boolean end) {
        String v = value.strip().replace(' ', '+');
        try {
            Instant t = OffsetDateTime.parse(v).toInstant();
            return end ? t.plusMillis(1) : t;
        } catch (DateTimeParseException notDateTime) {
            // try the other forms
        }
        try {
            LocalDate day = LocalDate.parse(v);
            return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notDate) {
            // fall through
        }
        try {
            LocalDateTime.parse(v);
            throw Open311Exception.badRequest(name + "에 시간대가 없습니다. Z 또는 +09:00 같은 시간대를 붙이세요 (예: "
                    + "2026-05-24T00:00:00+09:00).");
        } catch (DateTimeParseException unreadable) {
            throw Open311Exception.badRequest(name + "은(는) W3C 날짜·시간 형식이어야 합니다 (예: 2026-05-24T00:00:00+09:00 "
                    + "또는 2026-05-24T00:00:00Z): " + shorten(value));
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
