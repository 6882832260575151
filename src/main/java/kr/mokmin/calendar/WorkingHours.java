package kr.mokmin.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Daily office hours with a lunch break that does not count as working time. Use
 * {@code lunchStart == lunchEnd} for hours without a break.
 */
public record WorkingHours(LocalTime start, LocalTime end, LocalTime lunchStart, LocalTime lunchEnd) {

    /** 09:00–18:00 with lunch 12:00–13:00: 「국가공무원 복무규정」 제9조 (근무시간 등). */
    public static final WorkingHours CIVIL_SERVICE =
            new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(12, 0), LocalTime.of(13, 0));

    public WorkingHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(lunchStart, "lunchStart");
        Objects.requireNonNull(lunchEnd, "lunchEnd");
        if (!start.isBefore(lunchStart) || lunchEnd.isBefore(lunchStart) || !lunchEnd.isBefore(end)) {
            throw new IllegalArgumentException(
                    "Expected start < lunchStart <= lunchEnd < end, got %s-%s with lunch %s-%s"
                            .formatted(start, end, lunchStart, lunchEnd));
        }
    }

    /** Working time in one full working day (8 hours for {@link #CIVIL_SERVICE}). */
    public Duration perDay() {
        return Duration.between(start, end).minus(Duration.between(lunchStart, lunchEnd));
    }
}
