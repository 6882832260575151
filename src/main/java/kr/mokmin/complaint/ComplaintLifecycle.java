package kr.mokmin.complaint;

import static kr.mokmin.complaint.ComplaintStatus.ANSWERED;
import static kr.mokmin.complaint.ComplaintStatus.ASSIGNED;
import static kr.mokmin.complaint.ComplaintStatus.CLOSED;
import static kr.mokmin.complaint.ComplaintStatus.IN_PROGRESS;
import static kr.mokmin.complaint.ComplaintStatus.RECEIVED;
import static kr.mokmin.complaint.ComplaintStatus.REJECTED;
import static kr.mokmin.complaint.ComplaintStatus.TRANSFERRED;
import static kr.mokmin.complaint.ComplaintStatus.TRIAGED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/**
 * The 민원 state machine, plain Java. Decides whether a move is legal and what it needs; persistence,
 * permissions and due dates are the service's job.
 */
public final class ComplaintLifecycle {

    private static final Map<ComplaintStatus, Set<ComplaintStatus>> NEXT = new EnumMap<>(ComplaintStatus.class);

    static {
        NEXT.put(RECEIVED, EnumSet.of(TRIAGED, ASSIGNED, TRANSFERRED, REJECTED));
        NEXT.put(TRIAGED, EnumSet.of(ASSIGNED, TRANSFERRED, REJECTED));
        NEXT.put(ASSIGNED, EnumSet.of(IN_PROGRESS, ANSWERED, TRANSFERRED, REJECTED));
        NEXT.put(IN_PROGRESS, EnumSet.of(ANSWERED, TRANSFERRED, REJECTED));
        // An 이송 complaint is picked up by the receiving department.
        NEXT.put(TRANSFERRED, EnumSet.of(ASSIGNED, IN_PROGRESS, TRANSFERRED, REJECTED));
        NEXT.put(ANSWERED, EnumSet.of(CLOSED));
        NEXT.put(REJECTED, EnumSet.of(CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(ComplaintStatus.class));
    }

    private ComplaintLifecycle() {
    }

    public static Set<ComplaintStatus> allowedNext(ComplaintStatus from) {
        return Set.copyOf(NEXT.get(from));
    }

    /** What a legal move changes on the complaint. */
    public record Outcome(ComplaintStatus status, String departmentCode, String answer, String rejectReason) {
    }

    /**
     * Checks a move and returns what it changes.
     *
     * @throws MokminException ILLEGAL_TRANSITION for a move the state machine forbids, VALIDATION for a
     *                         legal move that lacks what it needs
     */
    public static Outcome apply(Complaint current, TransitionRequest request) {
        ComplaintStatus from = current.status();
        ComplaintStatus to = request.to();
        if (to == null) {
            throw MokminException.invalid("변경할 상태(to)가 필요합니다.");
        }
        if (!NEXT.get(from).contains(to)) {
            List<String> allowed = NEXT.get(from).stream().map(Enum::name).sorted().toList();
            throw new MokminException(ProblemKind.ILLEGAL_TRANSITION,
                    "'%s'(%s) 상태에서 '%s'(%s)(으)로 변경할 수 없습니다.".formatted(from, from.label(), to, to.label()),
                    Map.of("from", from.name(), "to", to.name(), "allowed", allowed));
        }
        String department = current.departmentCode();
        String answer = current.answer();
        String rejectReason = current.rejectReason();
        switch (to) {
            case ASSIGNED -> {
                department = blankToNull(request.departmentCode()) != null ? request.departmentCode() : department;
                if (department == null) {
                    throw MokminException.invalid("배정(ASSIGNED)에는 담당 부서(departmentCode)가 필요합니다.");
                }
            }
            case TRANSFERRED -> {
                String target = blankToNull(request.departmentCode());
                if (target == null) {
                    throw MokminException.invalid("이송(TRANSFERRED)에는 이송받을 부서(departmentCode)가 필요합니다.");
                }
                if (target.equals(department)) {
                    throw MokminException.invalid("같은 부서로는 이송할 수 없습니다.");
                }
                department = target;
            }
            case REJECTED -> {
                rejectReason = blankToNull(request.reason());
                if (rejectReason == null) {
                    throw MokminException.invalid("반려(REJECTED)에는 사유(reason)가 필요합니다.");
                }
            }
            case ANSWERED -> {
                answer = blankToNull(request.answer());
                if (answer == null) {
                    throw MokminException.invalid("답변완료(ANSWERED)에는 답변(answer)이 필요합니다.");
                }
            }
            default -> {
                // TRIAGED, IN_PROGRESS, CLOSED need nothing more.
            }
        }
        return new Outcome(to, department, answer, rejectReason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
