package kr.mokmin.triage.facts;

/** Kinds of facts pulled out of a complaint for the officer. */
public enum FactType {
    ROAD_ADDRESS("도로명주소"),
    LOT_ADDRESS("지번주소"),
    DONG("동·읍·면"),
    LANDMARK("장소"),
    DATE("날짜"),
    TIME("시각"),
    AMOUNT("금액"),
    VEHICLE_PLATE("차량번호"),
    PHONE_NUMBER("전화번호"),
    LAW("관련 법령");

    private final String label;

    FactType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
