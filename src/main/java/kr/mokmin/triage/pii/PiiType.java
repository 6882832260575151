package kr.mokmin.triage.pii;

/** Kinds of personal information (개인정보) found in complaint text. */
public enum PiiType {
    RESIDENT_REGISTRATION_NUMBER("주민등록번호"),
    ALIEN_REGISTRATION_NUMBER("외국인등록번호"),
    PASSPORT_NUMBER("여권번호"),
    DRIVER_LICENSE_NUMBER("운전면허번호"),
    PHONE_NUMBER("전화번호"),
    EMAIL("전자우편"),
    CARD_NUMBER("카드번호"),
    BANK_ACCOUNT("계좌번호"),
    BUSINESS_REGISTRATION_NUMBER("사업자등록번호"),
    HEALTH_INSURANCE_NUMBER("건강보험증번호"),
    VEHICLE_PLATE("차량번호"),
    ADDRESS("상세주소"),
    PERSON_NAME("성명");

    private final String label;

    PiiType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
