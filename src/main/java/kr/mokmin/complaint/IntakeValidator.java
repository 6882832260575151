package kr.mokmin.complaint;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/** Checks and normalises what a citizen submits, before anything is stored. Plain Java. */
public final class IntakeValidator {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 10_000;
    /** Korean phone numbers: mobile 01X, Seoul 02, regional 0XX, and 050X/070 numbers; 9–11 digits. */
    private static final Pattern PHONE = Pattern.compile("0[1-9][0-9]{7,9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private IntakeValidator() {
    }

    /** Returns the normalised complaint or throws VALIDATION listing every problem at once. */
    public static NewComplaint validate(NewComplaint in, Taxonomy taxonomy) {
        List<Map<String, String>> errors = new ArrayList<>();
        String title = clean(in.title());
        String body = clean(in.body());
        if (title == null) {
            errors.add(error("title", "제목을 입력하세요."));
        } else if (title.length() > MAX_TITLE) {
            errors.add(error("title", "제목은 " + MAX_TITLE + "자 이하여야 합니다."));
        }
        if (body == null) {
            errors.add(error("body", "내용을 입력하세요."));
        } else if (body.length() > MAX_BODY) {
            errors.add(error("body", "내용은 " + MAX_BODY + "자 이하여야 합니다."));
        }
        Complaint.Contact contact = in.contact() == null ? Complaint.Contact.NONE : in.contact();
        String name = clean(contact.name());
        String phone = clean(contact.phone());
        String email = clean(contact.email());
        if (name != null && name.length() > 100) {
            errors.add(error("contact.name", "이름은 100자 이하여야 합니다."));
        }
        if (phone != null && !PHONE.matcher(phone.replaceAll("[\\s()+.-]", "")).matches()) {
            errors.add(error("contact.phone", "전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)."));
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(error("contact.email", "전자우편 주소 형식이 올바르지 않습니다."));
        }
        Complaint.Location location = in.location() == null ? Complaint.Location.NONE : in.location();
        String address = clean(location.address());
        if (address != null && address.length() > 300) {
            errors.add(error("location.address", "주소는 300자 이하여야 합니다."));
        }
        Double lat = location.latitude();
        Double lon = location.longitude();
        if ((lat == null) != (lon == null)) {
            errors.add(error("location", "위도와 경도는 함께 입력해야 합니다."));
        }
        if (lat != null && (lat.isNaN() || lat < -90 || lat > 90)) {
            errors.add(error("location.latitude", "위도는 -90에서 90 사이여야 합니다."));
        }
        if (lon != null && (lon.isNaN() || lon < -180 || lon > 180)) {
            errors.add(error("location.longitude", "경도는 -180에서 180 사이여야 합니다."));
        }
        String serviceCode = clean(in.serviceCode());
        if (serviceCode != null && taxonomy.service(serviceCode).isEmpty()) {
            errors.add(error("serviceCode", "알 수 없는 민원 종류입니다: " + serviceCode));
        }
        if (in.channel() == null) {
            errors.add(error("channel", "접수 경로가 필요합니다."));
        }
        if (!errors.isEmpty()) {
            throw new MokminException(ProblemKind.VALIDATION, "민원 내용을 확인해 주세요.", Map.of("errors", errors));
        }
        return new NewComplaint(title, body, in.channel(), new Complaint.Contact(name, phone, email),
                new Complaint.Location(address, lat, lon), serviceCode);
    }

    /** NFC (macOS sends decomposed Hangul), strips control characters and outer blanks; blank becomes null. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String normalized = CONTROL.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll("").strip();
        return normalized.isEmpty() ? null : normalized;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
