package kr.mokmin.complaint;

/**
 * A requested move to another status, with what that move needs: a department for ASSIGNED and
 * TRANSFERRED, a reason for REJECTED, the answer for ANSWERED. Type fields may accompany any move.
 */
public record TransitionRequest(ComplaintStatus to, String departmentCode, ComplaintType type, Boolean lawInquiry,
                                String reason, String answer, String note) {

    public static TransitionRequest to(ComplaintStatus status) {
        return new TransitionRequest(status, null, null, null, null, null, null);
    }
}
