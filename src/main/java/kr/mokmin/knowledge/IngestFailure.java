package kr.mokmin.knowledge;

/**
 * Reasons a document fails after its text was extracted (extraction failures use
 * {@code DocumentParseException.Reason}). Codes are stable: they are stored and shown.
 */
public enum IngestFailure {
    NO_TEXT("문서에서 글자를 찾지 못했습니다 (스캔 문서라면 OCR 설치 여부를 확인하세요)"),
    EMBEDDING_FAILED("임베딩 서버 오류로 색인하지 못했습니다"),
    INDEX_FAILED("검색 색인에 쓰지 못했습니다"),
    FILE_MISSING("저장된 원본 파일이 없습니다"),
    INTERNAL("처리 중 예기치 않은 오류가 발생했습니다");

    private final String korean;

    IngestFailure(String korean) {
        this.korean = korean;
    }

    public String korean() {
        return korean;
    }
}
