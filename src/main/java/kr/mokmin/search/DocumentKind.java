package kr.mokmin.search;

/** What kind of document a chunk comes from; a search can be narrowed to some kinds. */
public enum DocumentKind {
    /** 조례. */
    ORDINANCE,
    /** 규칙 (the mayor's rules under an ordinance). */
    RULE,
    /** 법률·시행령·시행규칙. */
    STATUTE,
    /** 고시·공고. */
    NOTICE,
    /** 지침, 업무 매뉴얼. */
    GUIDELINE,
    /** 자주 묻는 질문. */
    FAQ,
    /** 복지 서비스 안내. */
    WELFARE,
    OTHER
}
