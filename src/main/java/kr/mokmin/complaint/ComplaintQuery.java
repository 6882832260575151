package kr.mokmin.complaint;

import java.time.Instant;
import java.util.Set;

/**
 * Staff list filter. Null fields do not filter.
 *
 * @param departmentCode   only this department ("" for complaints without one: the routing queue)
 * @param statuses         any of these statuses
 * @param dueBefore        due strictly before this instant (open complaints only)
 * @param overdue          open and past due
 * @param text             case-insensitive substring of title or body
 */
public record ComplaintQuery(String departmentCode, Set<ComplaintStatus> statuses, Instant dueBefore,
                             Boolean overdue, String text, int limit, int offset) {

    public static final int MAX_LIMIT = 200;

    public ComplaintQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        limit = limit <= 0 ? 50 : Math.min(limit, MAX_LIMIT);
        offset = Math.max(0, offset);
    }

    public static ComplaintQuery all() {
        return new ComplaintQuery(null, null, null, null, null, 50, 0);
    }

    public ComplaintQuery withDepartment(String code) {
        return new ComplaintQuery(code, statuses, dueBefore, overdue, text, limit, offset);
    }
}
