package kr.mokmin.triage.duplicate;

/**
 * A recent complaint that resembles the one being triaged.
 *
 * @param similarity text similarity 0..1
 * @param samePlace  both name the same place
 * @param duplicate  judged a near-duplicate (repeat filing or 중복 민원), not merely on the same topic
 */
public record SimilarComplaint(String receiptNo, double similarity, boolean samePlace, boolean duplicate) {
}
