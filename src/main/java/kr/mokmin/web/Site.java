package kr.mokmin.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import kr.mokmin.MokminProperties;
import kr.mokmin.account.StaffPrincipal;
import kr.mokmin.complaint.TaxonomyStore;

/**
 * What every page's layout needs, as the bean {@code site} for templates ({@code ${@site.portalName()}}):
 * the city's name, the signed-in staff member, and Korean date formatting in the city's zone. Being a bean
 * rather than a model attribute, it also serves the error pages that Spring Boot renders.
 */
@Component("site")
public class Site {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) HH:mm", Locale.KOREAN);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E)", Locale.KOREAN);

    private final TaxonomyStore taxonomy;
    private final ZoneId zone;

    public Site(TaxonomyStore taxonomy, MokminProperties properties) {
        this.taxonomy = taxonomy;
        this.zone = ZoneId.of(properties.timeZone());
    }

    /** A signed-in staff member as the header shows them. */
    public record StaffUser(String username, String displayName, boolean admin, String departmentName) {
    }

    public String cityName() {
        return taxonomy.current().city().name();
    }

    /** "파주시 민원 포털". */
    public String portalName() {
        return cityName() + " 민원 포털";
    }

    public String cityPhone() {
        return taxonomy.current().city().phone();
    }

    public String cityAddress() {
        return taxonomy.current().city().address();
    }

    /** The signed-in staff member, or null for citizens. */
    public StaffUser staff() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof StaffPrincipal p) {
            var a = p.account();
            return new StaffUser(a.username(), a.displayName(), a.actor().isAdmin(),
                    taxonomy.current().departmentName(a.departmentCode()));
        }
        return null;
    }

    /** "2026년 12월 2일 (수) 18:00" in the city's zone; empty for null. */
    public String dateTime(OffsetDateTime t) {
        return t == null ? "" : DATE_TIME.format(t.atZoneSameInstant(zone));
    }

    public String dateTime(Instant t) {
        return t == null ? "" : DATE_TIME.format(t.atZone(zone));
    }

    /** "2026년 12월 2일 (수)". */
    public String date(OffsetDateTime t) {
        return t == null ? "" : DATE.format(t.atZoneSameInstant(zone));
    }

    /** Machine-readable form for {@code <time datetime>}. */
    public String iso(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(zone).toOffsetDateTime().toString();
    }
}
