package kr.mokmin.complaint.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kr.mokmin.complaint.ComplaintStatus;
import kr.mokmin.complaint.Taxonomy;

/**
 * GeoReport v2 shapes of services and service requests, in the spec's field order. Korean text for people,
 * spec tokens ({@code open}/{@code closed}, {@code realtime}) for machines. Plain Java.
 */
final class Open311Views {

    /** A media_url is kept as the last paragraph of the complaint body, so staff see it where they read. */
    static final String MEDIA_PREFIX = "첨부 미디어: ";
    private static final Pattern MEDIA_TAIL = Pattern.compile("(?s)^(.*?)(?:\\n\\n)?" + MEDIA_PREFIX + "(https?://\\S+)$");
    /** GeoReport v2 limits description to 4,000 characters. */
    static final int MAX_DESCRIPTION = 4000;
    private static final DateTimeFormatter NOTICE_TIME = DateTimeFormatter.ofPattern("uuuu년 M월 d일 HH:mm");

    private Open311Views() {
    }

    /** open or closed: answered, closed and rejected complaints no longer run against their due date. */
    static String status(ComplaintStatus status) {
        return status.isOpen() ? "open" : "closed";
    }

    static Map<String, Object> service(Taxonomy.ServiceDefinition s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", s.code());
        m.put("service_name", s.name());
        m.put("description", s.description());
        m.put("metadata", false);
        m.put("type", "realtime");
        m.put("keywords", s.keywords().isEmpty() ? null : String.join(", ", s.keywords()));
        m.put("group", s.group());
        return m;
    }

    /** We define no attributes: every service needs only the standard fields. */
    static Map<String, Object> serviceDefinition(Taxonomy.ServiceDefinition s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", s.code());
        m.put("attributes", new Open311Writer.Items("attribute", List.of()));
        return m;
    }

    /** One service request as GET requests shows it. Never any contact data. */
    static Map<String, Object> request(Open311RequestStore.PublicRequest r, Taxonomy taxonomy, ZoneId zone) {
        var service = r.serviceCode() == null ? Optional.<Taxonomy.ServiceDefinition>empty()
                : taxonomy.service(r.serviceCode());
        String agency = agency(r.departmentCode(), service.orElse(null), taxonomy);
        Body body = splitBody(r.body());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", r.receiptNo());
        m.put("status", status(r.status()));
        m.put("status_notes", statusNotes(r.status(), taxonomy.departmentName(r.departmentCode()),
                r.rejectReason()));
        m.put("service_name", service.map(Taxonomy.ServiceDefinition::name).orElse(null));
        m.put("service_code", r.serviceCode());
        m.put("description", limit(body.description(), MAX_DESCRIPTION));
        m.put("agency_responsible", agency);
        m.put("service_notice", r.status().isOpen() ? serviceNotice(agency, r.dueAt(), zone) : null);
        m.put("requested_datetime", Open311Dates.format(r.receivedAt(), zone));
        m.put("updated_datetime", Open311Dates.format(r.updatedAt(), zone));
        m.put("expected_datetime", Open311Dates.format(r.dueAt(), zone));
        m.put("address", r.address());
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", r.latitude());
        m.put("long", r.longitude());
        m.put("media_url", body.mediaUrl());
        return m;
    }

    /** The department that has it, else the service's default department (where routing will send it). */
    static String agency(String departmentCode, Taxonomy.ServiceDefinition service, Taxonomy taxonomy) {
        if (departmentCode != null) {
            return taxonomy.departmentName(departmentCode);
        }
        return service == null || service.department() == null ? null : taxonomy.departmentName(service.department());
    }

    static String serviceNotice(String agency, Instant dueAt, ZoneId zone) {
        String due = dueAt == null ? null : NOTICE_TIME.format(dueAt.atZone(zone));
        String who = agency == null ? "담당 부서를 정한 뒤 처리합니다." : agency + "에서 처리합니다.";
        return due == null ? who : who + " 처리기한은 " + due + "까지입니다.";
    }

    /** The status in Korean, with what the citizen should know about it: the department, a transfer, a reason. */
    static String statusNotes(ComplaintStatus status, String departmentName, String rejectReason) {
        String dept = departmentName == null ? "담당 부서" : departmentName;
        String sentence = switch (status) {
            case RECEIVED -> "민원이 접수되었습니다.";
            case TRIAGED -> "민원이 분류되었습니다. 담당 부서 배정을 기다리고 있습니다.";
            case ASSIGNED -> dept + "에 배정되었습니다.";
            case IN_PROGRESS -> dept + "에서 처리하고 있습니다.";
            case TRANSFERRED -> dept + withEuro(dept) + " 이송되었습니다.";
            case ANSWERED -> "답변이 완료되었습니다.";
            case REJECTED -> "민원이 반려되었습니다.";
            case CLOSED -> "민원이 종결되었습니다.";
        };
        String notes = status.label() + ": " + sentence;
        if (rejectReason != null && !rejectReason.isBlank()
                && (status == ComplaintStatus.REJECTED || status == ComplaintStatus.CLOSED)) {
            notes += " 반려 사유: " + rejectReason.strip();
        }
        return notes;
    }

    /**
     * The particle (으)로 for a Korean word: 로 after a vowel or ㄹ, 으로 after other final consonants. Words
     * that do not end in Hangul get the neutral "(으)로".
     */
    static String withEuro(String word) {
        if (word == null || word.isEmpty()) {
            return "(으)로";
        }
        char last = word.charAt(word.length() - 1);
        if (last < 0xAC00 || last > 0xD7A3) {
            return "(으)로";
        }
        int finalConsonant = (last - 0xAC00) % 28;
        return finalConsonant == 0 || finalConsonant == 8 ? "로" : "으로";
    }

    /** Description and media URL of a stored body (see {@link #MEDIA_PREFIX}). */
    record Body(String description, String mediaUrl) {
    }

    static Body splitBody(String body) {
        if (body == null) {
            return new Body(null, null);
        }
        Matcher m = MEDIA_TAIL.matcher(body);
        if (m.matches()) {
            String description = m.group(1).strip();
            return new Body(description.isEmpty() ? null : description, m.group(2));
        }
        return new Body(body, null);
    }

    static String joinBody(String description, String mediaUrl) {
        if (mediaUrl == null) {
            return description;
        }
        return description + "\n\n" + MEDIA_PREFIX + mediaUrl;
    }

    static String limit(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
        return s.substring(0, end) + "…";
    }
}
