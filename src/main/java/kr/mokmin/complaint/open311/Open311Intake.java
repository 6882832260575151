package kr.mokmin.complaint.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import kr.mokmin.complaint.Channel;
import kr.mokmin.complaint.Complaint;
import kr.mokmin.complaint.NewComplaint;
import kr.mokmin.complaint.Taxonomy;

/**
 * Turns the form of {@code POST requests} into a {@link NewComplaint}. Checks what is Open311-specific (service
 * code, location, description length, media URL); the rest (phone and e-mail formats, coordinates) is left to
 * the core intake validation. Plain Java.
 */
final class Open311Intake {

    private static final int TITLE_SNIPPET = 40;
    private static final int MAX_MEDIA_URL = 2000;
    private static final Pattern HANGUL = Pattern.compile("[\\p{IsHangul}]+");

    private Open311Intake() {
    }

    /**
     * @param param a form or query parameter by name; blank counts as absent (spec: "Optional Arguments")
     * @throws Open311Exception 400 listing every missing or malformed parameter; 404 for an unknown service_code
     */
    static NewComplaint toComplaint(Function<String, String> param, Taxonomy taxonomy) {
        List<Open311Exception.Error> errors = new ArrayList<>();
        String serviceCode = blankToNull(param.apply("service_code"));
        Taxonomy.ServiceDefinition service = null;
        if (serviceCode == null) {
            errors.add(bad("service_code가 필요합니다 (GET services 목록의 service_code)."));
        } else {
            service = taxonomy.service(serviceCode).orElseThrow(() -> Open311Exception.notFound(
                    "service_code를 찾을 수 없습니다: " + shorten(serviceCode)));
        }

        Double lat = coordinate("lat", param.apply("lat"), errors);
        Double lon = coordinate("long", param.apply("long"), errors);
        String rawLat = blankToNull(param.apply("lat"));
        String rawLong = blankToNull(param.apply("long"));
        String addressString = blankToNull(param.apply("address_string"));
        String addressId = blankToNull(param.apply("address_id"));
        if ((rawLat == null) != (rawLong == null)) {
            errors.add(bad("lat과 long은 함께 보내야 합니다."));
        } else if (rawLat == null && addressString == null && addressId == null) {
            errors.add(bad("위치가 필요합니다: lat과 long, address_string, address_id 중 하나를 보내세요."));
        }

        String description = blankToNull(param.apply("description"));
        if (description != null && description.length() > Open311Views.MAX_DESCRIPTION) {
            errors.add(bad("description은 " + Open311Views.MAX_DESCRIPTION + "자 이하여야 합니다 (GeoReport v2)."));
        }
        String mediaUrl = blankToNull(param.apply("media_url"));
        if (mediaUrl != null && !isWebUrl(mediaUrl)) {
            errors.add(bad("media_url은 http 또는 https URL이어야 합니다 (" + MAX_MEDIA_URL + "자 이하)."));
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(errors);
        }

        String address = addressString != null ? addressString
                : addressId != null ? "주소 ID " + addressId : null;
        String title = title(service.name(), description);
        String body = Open311Views.joinBody(description != null ? description : service.name(), mediaUrl);
        var contact = new Complaint.Contact(name(param.apply("first_name"), param.apply("last_name")),
                blankToNull(param.apply("phone")), blankToNull(param.apply("email")));
        return new NewComplaint(title, body, Channel.OPEN311, contact, new Complaint.Location(address, lat, lon),
                service.code());
    }

    /** "불법 주정차 신고: 소화전 앞에 …": the service name and the start of the description's first line. */
    static String title(String serviceName, String description) {
        if (description == null) {
            return serviceName;
        }
        String firstLine = description.strip().lines().findFirst().orElse("").strip();
        if (firstLine.isEmpty()) {
            return serviceName;
        }
        if (firstLine.codePointCount(0, firstLine.length()) > TITLE_SNIPPET) {
            firstLine = firstLine.substring(0, firstLine.offsetByCodePoints(0, TITLE_SNIPPET)).strip() + "…";
        }
        return serviceName + ": " + firstLine;
    }

    /** Korean names are family name first without a space (홍 + 길동 = 홍길동); others "first last". */
    static String name(String firstName, String lastName) {
        String first = blankToNull(firstName);
        String last = blankToNull(lastName);
        if (first == null || last == null) {
            return first != null ? first.strip() : last == null ? null : last.strip();
        }
        first = first.strip();
        last = last.strip();
        if (HANGUL.matcher(first).matches() && HANGUL.matcher(last).matches()) {
            return last + first;
        }
        return first + " " + last;
    }

    private static Double coordinate(String name, String raw, List<Open311Exception.Error> errors) {
        String v = blankToNull(raw);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(bad(name + "은(는) WGS84 십진수 좌표여야 합니다: " + shorten(v)));
        return null;
    }

    private static boolean isWebUrl(String s) {
        if (s.length() > MAX_MEDIA_URL || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(s);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Open311Exception.Error bad(String description) {
        return new Open311Exception.Error(400, description);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
