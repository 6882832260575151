package kr.mokmin.complaint;

/**
 * An officer put a complaint in a department (assigned it, or transferred it to another): what routing learns
 * from. Published inside the transaction; listeners that learn should act after the commit.
 *
 * @param fromDepartment where it was before, null for the routing queue
 */
public record ComplaintRouted(long complaintId, String receiptNo, String fromDepartment, String toDepartment,
                              String actor) {
}
