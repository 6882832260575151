package kr.mokmin.search;

/** What kind of document a chunk comes from; a search can be narrowed to some kinds. */
public enum DocumentKind {
    /** 조례. */
    ORDINANCE("조례"),
    /** 규칙 (the mayor's rules under an ordinance). */
    RULE("규칙"),
    /** 법률·시행령·시행규칙. */
    STATUTE("법령"),
    /** 고시·공고. */
    NOTICE("고시·공고"),
    /** 지침, 업무 매뉴얼. */
    GUIDELINE("지침"),
    /** 자주 묻는 질문. */
    FAQ("FAQ"),
    /** 복지 서비스 안내. */
    WELFARE("복지"),
    OTHER("기타");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    /** The Korean name staff and citizens see (조례, 규칙, 법령, 고시·공고, 지침, FAQ, 복지, 기타). */
    public String label() {
        return label;
    }
}
