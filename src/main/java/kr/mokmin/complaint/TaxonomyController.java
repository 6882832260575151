package kr.mokmin.complaint;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import kr.mokmin.account.CurrentActor;
import kr.mokmin.audit.AuditTrail;

/** The departments and services: public to read, replaced as a whole by an admin (YAML body). */
@RestController
public class TaxonomyController {

    private final TaxonomyStore taxonomy;
    private final AuditTrail audit;

    public TaxonomyController(TaxonomyStore taxonomy, AuditTrail audit) {
        this.taxonomy = taxonomy;
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/taxonomy", produces = MediaType.APPLICATION_JSON_VALUE)
    public Taxonomy current() {
        return taxonomy.current();
    }

    @PutMapping(path = "/api/v1/admin/taxonomy",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Taxonomy replace(@RequestBody byte[] yaml) {
        Taxonomy replaced = taxonomy.replace(yaml);
        audit.record(CurrentActor.get().name(), "taxonomy.replaced", "taxonomy", replaced.city().code(),
                java.util.Map.of("departments", replaced.departments().size(),
                        "services", replaced.services().size()));
        return replaced;
    }
}
