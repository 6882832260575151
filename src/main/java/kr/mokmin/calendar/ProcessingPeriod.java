package kr.mokmin.calendar;

/**
 * A 민원 처리기간 as fixed by law or by the 민원 사무 처리기준표. How it is counted is decided by
 * 「민원 처리에 관한 법률」 제19조 (see {@link DeadlineCalculator}).
 */
public sealed interface ProcessingPeriod {

    /** "즉시": within 3 working hours (같은 법 시행령 제19조). */
    record Immediate() implements ProcessingPeriod {
    }

    /** A period stated in working hours. */
    record Hours(int hours) implements ProcessingPeriod {
        public Hours {
            requirePositive(hours, "hours");
        }
    }

    /** A period stated in days: up to 5 days counts as 8 working hours a day (제19조①), else 제19조②. */
    record Days(int days) implements ProcessingPeriod {
        public Days {
            requirePositive(days, "days");
        }
    }

    /** 제19조③: counted on the calendar per 「민법」 제159조–제161조, first day included. */
    record Weeks(int weeks) implements ProcessingPeriod {
        public Weeks {
            requirePositive(weeks, "weeks");
        }
    }

    /** 제19조③: counted on the calendar per 「민법」 제159조–제161조, first day included. */
    record Months(int months) implements ProcessingPeriod {
        public Months {
            requirePositive(months, "months");
        }
    }

    /** 제19조③: counted on the calendar per 「민법」 제159조–제161조, first day included. */
    record Years(int years) implements ProcessingPeriod {
        public Years {
            requirePositive(years, "years");
        }
    }

    static ProcessingPeriod immediate() {
        return new Immediate();
    }

    static ProcessingPeriod hours(int hours) {
        return new Hours(hours);
    }

    static ProcessingPeriod days(int days) {
        return new Days(days);
    }

    static ProcessingPeriod weeks(int weeks) {
        return new Weeks(weeks);
    }

    static ProcessingPeriod months(int months) {
        return new Months(months);
    }

    static ProcessingPeriod years(int years) {
        return new Years(years);
    }

    private static void requirePositive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }
}
