package kr.mokmin.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

class ComplaintLifecycleTest {

    static Complaint in(ComplaintStatus status, String department) {
        Instant t = Instant.parse("2026-03-09T01:00:00Z");
        return new Complaint(1, "2026-000001", "제목", "내용", Channel.WEB, Complaint.Contact.NONE,
                Complaint.Location.NONE, null, null, false, department, status, t, t, t, null, null, 0);
    }

    @Test
    void theHappyPath() {
        var assigned = ComplaintLifecycle.apply(in(ComplaintStatus.RECEIVED, null),
                new TransitionRequest(ComplaintStatus.ASSIGNED, "PARKS", null, null, null, null, null));
        assertThat(assigned.departmentCode()).isEqualTo("PARKS");
        var answered = ComplaintLifecycle.apply(in(ComplaintStatus.IN_PROGRESS, "PARKS"),
                new TransitionRequest(ComplaintStatus.ANSWERED, null, null, null, null, " 답변입니다 ", null));
        assertThat(answered.answer()).isEqualTo("답변입니다");
        assertThat(ComplaintLifecycle.apply(in(ComplaintStatus.ANSWERED, "PARKS"),
                TransitionRequest.to(ComplaintStatus.CLOSED)).status()).isEqualTo(ComplaintStatus.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(ComplaintStatus.class)
    void everyMoveOutsideTheTableIsIllegal(ComplaintStatus from) {
        var allowed = ComplaintLifecycle.allowedNext(from);
        for (ComplaintStatus to : EnumSet.complementOf(EnumSet.copyOf(
                allowed.isEmpty() ? EnumSet.noneOf(ComplaintStatus.class) : allowed))) {
            assertThatThrownBy(() -> ComplaintLifecycle.apply(in(from, "PARKS"),
                    new TransitionRequest(to, "ROAD_MANAGEMENT", null, null, "사유", "답변", null)))
                    .as("%s -> %s", from, to)
                    .isInstanceOfSatisfying(MokminException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProblemKind.ILLEGAL_TRANSITION));
        }
    }

    @Test
    void closedIsFinalAndReceivedCannotJumpToAnswered() {
        assertThat(ComplaintLifecycle.allowedNext(ComplaintStatus.CLOSED)).isEmpty();
        assertThat(ComplaintLifecycle.allowedNext(ComplaintStatus.RECEIVED)).doesNotContain(ComplaintStatus.ANSWERED);
    }

    @Test
    void movesThatNeedSomethingSayWhat() {
        assertThatThrownBy(() -> ComplaintLifecycle.apply(in(ComplaintStatus.ASSIGNED, "PARKS"),
                TransitionRequest.to(ComplaintStatus.REJECTED))).hasMessageContaining("사유");
        assertThatThrownBy(() -> ComplaintLifecycle.apply(in(ComplaintStatus.ASSIGNED, "PARKS"),
                TransitionRequest.to(ComplaintStatus.ANSWERED))).hasMessageContaining("답변");
        assertThatThrownBy(() -> ComplaintLifecycle.apply(in(ComplaintStatus.ASSIGNED, "PARKS"),
                new TransitionRequest(ComplaintStatus.TRANSFERRED, "PARKS", null, null, null, null, null)))
                .hasMessageContaining("같은 부서");
        assertThatThrownBy(() -> ComplaintLifecycle.apply(in(ComplaintStatus.RECEIVED, null),
                TransitionRequest.to(ComplaintStatus.ASSIGNED))).hasMessageContaining("부서");
    }
}
