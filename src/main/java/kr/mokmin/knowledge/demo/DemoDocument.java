package kr.mokmin.knowledge.demo;

import java.time.LocalDate;
import kr.mokmin.search.DocumentKind;

/**
 * One file of the demo knowledge base, as listed in {@code demo/knowledge/manifest.yml}.
 *
 * @param path file under {@code demo/knowledge/}, e.g. {@code laws/민원처리에관한법률/법률.md}
 * @param title the title in the file's front matter (제목 / 자치법규명)
 * @param kind ORDINANCE, RULE or STATUTE
 * @param type the front matter's own word: 법률, 대통령령, 국토교통부령, 조례, 규칙 …
 * @param issuer the city (파주시, 고양시) or the ministry in charge (소관부처, comma-separated when several)
 * @param department the city department in charge (담당부서), when the front matter names one
 * @param promulgated 공포일자
 * @param effective 시행일자
 * @param source the 국가법령정보센터 page of the text (출처)
 * @param sourceId 법령ID or 자치법규ID
 * @param audience who may see it
 * @param note what a reader must know about this copy (e.g. amendments not yet in force), or null
 */
public record DemoDocument(
        String path,
        String title,
        DocumentKind kind,
        String type,
        String issuer,
        String department,
        LocalDate promulgated,
        LocalDate effective,
        String source,
        String sourceId,
        Audience audience,
        String note) {

    /** Who may see a document: PUBLIC documents are shown to citizens and staff alike. */
    public enum Audience { PUBLIC, STAFF }

    /** Classpath resource name of the file. */
    public String resource() {
        return DemoCorpus.ROOT + path;
    }
}
