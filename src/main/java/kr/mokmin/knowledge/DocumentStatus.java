package kr.mokmin.knowledge;

/** Where a document stands: waiting for its job, searchable, or refused (with a reason). */
public enum DocumentStatus {
    /** Stored, not yet extracted and indexed (a job will do it). */
    PENDING("처리 대기"),
    /** Extracted, chunked and searchable. */
    INDEXED("색인 완료"),
    /** Could not be read or indexed; {@code failureReason} says why. Not searchable. */
    FAILED("실패");

    private final String label;

    DocumentStatus(String label) {
        this.label = label;
    }

    /** Korean label for pages. */
    public String label() {
        return label;
    }
}
