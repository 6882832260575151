package kr.mokmin.complaint;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import kr.mokmin.MokminProperties;

/** Due dates of complaints: which statutory period applies, and when it ends. */
@Component
public class ComplaintDeadlines {

    private final MokminProperties.Deadlines settings;
    private final TaxonomyStore taxonomy;
    private final ZoneId zone;

    public ComplaintDeadlines(MokminProperties properties, TaxonomyStore taxonomy) {
        this.settings = properties.deadlines();
        this.taxonomy = taxonomy;
        this.zone = ZoneId.of(properties.timeZone());
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
        String period = period(type, lawInquiry, serviceCode);
        // TODO replaced by the calendar module's working-time arithmetic
        long days = period.endsWith("d") ? Long.parseLong(period.substring(0, period.length() - 1)) : 1;
        return receivedAt.atZone(zone).plusDays(days).toInstant();
    }
}
