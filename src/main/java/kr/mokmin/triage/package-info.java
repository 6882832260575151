/**
 * AI triage of every 민원 without a model server: PII masking ({@code pii}), type and department routing that
 * learns ({@code route}), facts and a one-line summary ({@code facts}), near-duplicates and groups of repeated
 * complaints ({@code duplicate}). Core logic is plain Java, testable without Spring; {@code TriageService} puts
 * the parts together for intake and the API.
 */
package kr.mokmin.triage;
