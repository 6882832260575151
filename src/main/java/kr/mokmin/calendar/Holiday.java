package kr.mokmin.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One public holiday of 관공서. Several holidays can share a date (2025-05-05 is both 어린이날 and
 * 부처님오신날); each is reported separately.
 *
 * @param name Korean name as used in official calendars, e.g. "설날", "대체공휴일(추석)"
 */
public record Holiday(LocalDate date, String name, Kind kind) {

    public enum Kind {
        /** 「국경일에 관한 법률」 국경일 that is a holiday (제2조 제2호). */
        NATIONAL_DAY,
        /** Other fixed or lunar holidays of 제2조 (1월 1일, 설날, 추석, 어린이날, ...). */
        PUBLIC_HOLIDAY,
        /** 대체공휴일 (제3조). */
        SUBSTITUTE,
        /** 임기만료 선거일 (제2조 제10호의2), supplied by an administrator. */
        ELECTION,
        /** 임시공휴일 (제2조 제11호), supplied by an administrator. */
        TEMPORARY
    }

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
