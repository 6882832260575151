package kr.mokmin.complaint;

/**
 * The triage step of intake, seen from the complaint module: assessed before the complaint is stored (on the
 * request thread, never under the intake lock), stored in the intake transaction, told when it committed.
 */
public interface IntakeTriage {

    /** No triage: every complaint waits in the routing queue. */
    IntakeTriage NONE = complaint -> Assessment.UNROUTED;

    /** Must not throw: a triage failure sends the complaint to the routing queue, it never loses it. */
    Assessment assess(NewComplaint complaint);

    /** What triage decided for one complaint. */
    interface Assessment {

        Assessment UNROUTED = new Assessment() {
        };

        /** The department to route to, or null for the human routing queue (분류 담당). */
        default String departmentCode() {
            return null;
        }

        /** A line for the status history, e.g. why it was routed there. */
        default String note() {
            return null;
        }

        /** Inside the intake transaction, after the complaint row exists. */
        default void store(Complaint saved) {
        }

        /** After the commit: the complaint is durable. */
        default void accepted(Complaint saved) {
        }
    }
}
