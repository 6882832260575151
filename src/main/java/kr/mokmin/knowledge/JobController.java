package kr.mokmin.knowledge;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import kr.mokmin.common.MokminException;

/** Progress of background jobs, for staff: {@code GET /api/v1/jobs/{id}} with every item's outcome. */
@RestController
class JobController {

    private final KnowledgeService knowledge;

    JobController(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping(value = "/api/v1/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Job job(@PathVariable String id) {
        return knowledge.job(id).orElseThrow(() -> MokminException.notFound("작업이 없습니다: " + id));
    }
}
