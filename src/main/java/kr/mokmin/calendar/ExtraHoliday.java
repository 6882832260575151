package kr.mokmin.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A holiday that cannot be derived from the rules and is maintained by an administrator:
 * 「관공서의 공휴일에 관한 규정」 제2조 제10호의2 (임기만료 선거일) and 제11호 (정부 수시 지정일, 임시공휴일).
 *
 * <p>Elections are not computed because the 공직선거법 date can move (e.g. when it collides with
 * a folk holiday), and an early presidential election is designated as a 임시공휴일 rather than an
 * 임기만료 election day.
 */
public record ExtraHoliday(LocalDate date, String name, Kind kind) {

    public enum Kind {
        /** 제2조 제10호의2: 「공직선거법」 제34조에 따른 임기만료에 의한 선거의 선거일. */
        ELECTION,
        /** 제2조 제11호: 그 밖에 정부에서 수시 지정하는 날 (임시공휴일). */
        TEMPORARY;

        Holiday.Kind toHolidayKind() {
            return this == ELECTION ? Holiday.Kind.ELECTION : Holiday.Kind.TEMPORARY;
        }
    }

    public ExtraHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
    }

    public static ExtraHoliday election(LocalDate date, String name) {
        return new ExtraHoliday(date, name, Kind.ELECTION);
    }

    public static ExtraHoliday temporary(LocalDate date, String name) {
        return new ExtraHoliday(date, name, Kind.TEMPORARY);
    }
}
