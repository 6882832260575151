package kr.mokmin.complaint;

/** 민원 처리 상태. Allowed moves between them live in {@link ComplaintLifecycle}. */
public enum ComplaintStatus {
    RECEIVED("접수"),
    TRIAGED("분류"),
    ASSIGNED("배정"),
    IN_PROGRESS("처리중"),
    ANSWERED("답변완료"),
    CLOSED("종결"),
    TRANSFERRED("이송"),
    REJECTED("반려");

    private final String label;

    ComplaintStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open complaints still run against their due date. */
    public boolean isOpen() {
        return this != ANSWERED && this != CLOSED && this != REJECTED;
    }
}
