package kr.mokmin.complaint;

/** 민원의 종류 (민원 처리에 관한 법률 제2조, 시행령 제2조). */
public enum ComplaintType {
    INQUIRY("질의"),
    PROPOSAL("건의"),
    GRIEVANCE("고충"),
    OTHER("기타"),
    STATUTORY("법정");

    private final String label;

    ComplaintType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
