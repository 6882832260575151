package kr.mokmin.knowledge.chunk;

/** What a document is; decides whether it is chunked by legal structure (조/항/호) or by headings. */
public enum DocumentKind {
    /** 조례. */
    ORDINANCE,
    /** 규칙 (자치법규 규칙, 시행규칙 of a city). */
    RULE,
    /** 법령: 법률, 시행령, 시행규칙, 대통령령. */
    STATUTE,
    /** 고시·공고. */
    NOTICE,
    /** 지침, 안내서. */
    GUIDELINE,
    /** 자주 묻는 질문. */
    FAQ,
    /** 복지 서비스 안내. */
    WELFARE,
    OTHER;

    /** 조례, 규칙 and 법령 are always read as 조/항/호. */
    public boolean isLegal() {
        return this == ORDINANCE || this == RULE || this == STATUTE;
    }

    /**
     * 고시, 지침 and other documents are often written as 조문 too; for these the chunker uses legal
     * structure when it finds at least two articles, and headings otherwise. FAQ and welfare guides are
     * always read by headings.
     */
    boolean mayHaveArticles() {
        return this == NOTICE || this == GUIDELINE || this == OTHER;
    }
}
