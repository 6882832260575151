package kr.mokmin.triage.facts;

/**
 * A fact found in a complaint: {@code [start, end)} in the text it was extracted from.
 *
 * @param text       the words as written
 * @param normalized a canonical form where one exists (ISO date {@code 2026-11-23}, time {@code 14:30}, amount in
 *                   won {@code 150000}, law {@code 주차장법 제19조}, place key for duplicate matching), else the text
 */
public record Fact(FactType type, String text, int start, int end, String normalized) {
}
