package kr.mokmin.complaint;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import kr.mokmin.MokminProperties;
import kr.mokmin.calendar.HolidayService;
import kr.mokmin.calendar.ProcessingPeriod;

/** Due dates of complaints: which statutory period applies, and when it ends. */
@Component
public class ComplaintDeadlines {

    private final MokminProperties.Deadlines settings;
    private final TaxonomyStore taxonomy;
    private final ZoneId zone;
    private final HolidayService holidays;

    public ComplaintDeadlines(MokminProperties properties, TaxonomyStore taxonomy, HolidayService holidays) {
        this.settings = properties.deadlines();
        this.taxonomy = taxonomy;
        this.holidays = holidays;
        this.zone = ZoneId.of(properties.timeZone());
        // Fail at start, not at the first complaint, when an operator mistypes a period.
        parse(settings.otherPeriod());
        parse(settings.defaultPeriod());
    }

    /**
     * The period that applies, as "immediate", "Nh" or "Nd". A service's 민원처리기준표 period wins; otherwise
     * the type's period from 민원 처리에 관한 법률 시행령: 질의 7일, 법령 질의 14일 (제14조), 건의 14일 (제15조),
     * 기타 as the agency sets it (제16조③), 고충 7일 (제17조①).
     */
    static String period(ComplaintType type, boolean lawInquiry, Taxonomy.ServiceDefinition service,
                         MokminProperties.Deadlines settings) {
        if (service != null && service.period() != null) {
            return service.period();
        }
        ComplaintType effective = type != null ? type : service != null ? service.type() : null;
        if (effective == null) {
            return settings.defaultPeriod();
        }
        return switch (effective) {
            case INQUIRY -> lawInquiry ? "14d" : "7d";
            case PROPOSAL -> "14d";
            case GRIEVANCE -> "7d";
            case OTHER -> settings.otherPeriod();
            case STATUTORY -> settings.defaultPeriod();
        };
    }

    public String period(ComplaintType type, boolean lawInquiry, String serviceCode) {
        Taxonomy.ServiceDefinition service = serviceCode == null ? null
                : taxonomy.current().service(serviceCode).orElse(null);
        return period(type, lawInquiry, service, settings);
    }

    public Instant dueAt(Instant receivedAt, ComplaintType type, boolean lawInquiry, String serviceCode) {
        ProcessingPeriod period = parse(period(type, lawInquiry, serviceCode));
        LocalDateTime local = LocalDateTime.ofInstant(receivedAt, zone);
        return holidays.deadlines().due(local, period).atZone(zone).toInstant();
    }

    /** "immediate", "Nh" or "Nd" (validated when the taxonomy and settings are loaded). */
    static ProcessingPeriod parse(String period) {
        if (period == null || !Taxonomy.PERIOD.matcher(period).matches()) {
            throw new IllegalArgumentException("bad period '" + period + "': use immediate, <N>h or <N>d");
        }
        if (period.equals("immediate")) {
            return ProcessingPeriod.immediate();
        }
        int n = Integer.parseInt(period.substring(0, period.length() - 1));
        return period.endsWith("h") ? ProcessingPeriod.hours(n) : ProcessingPeriod.days(n);
    }
}
