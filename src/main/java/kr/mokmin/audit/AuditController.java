package kr.mokmin.audit;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only audit trail for admins: one entity's records, or the newest records page by page. */
@RestController
public class AuditController {

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AuditEvent> audit(@RequestParam(required = false) String entityType,
                                  @RequestParam(required = false) String entityId,
                                  @RequestParam(defaultValue = "100") int limit,
                                  @RequestParam(defaultValue = "9223372036854775807") long beforeId) {
        if (entityType != null && entityId != null) {
            return audit.forEntity(entityType, entityId);
        }
        return audit.recent(Math.max(1, Math.min(limit, 1000)), beforeId);
    }
}
