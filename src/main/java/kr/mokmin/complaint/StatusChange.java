package kr.mokmin.complaint;

import java.time.Instant;

/** One entry of a complaint's status history. {@code from} is null for the receipt itself. */
public record StatusChange(ComplaintStatus from, ComplaintStatus to, String departmentCode, String actor,
                           String note, Instant changedAt) {
}
