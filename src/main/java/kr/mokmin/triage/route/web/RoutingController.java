package kr.mokmin.triage.route.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import kr.mokmin.MokminProperties;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.triage.route.RoutingService;
import kr.mokmin.triage.route.RoutingStore;
import kr.mokmin.triage.route.TrainingFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training the department router (administrators only, see SecurityConfiguration): upload labelled complaints,
 * train a new version in the background, and read the active version, example counts and metrics.
 */
@RestController
public class RoutingController {

    /** Rejected lines listed in a response at most (the count is always complete). */
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final RoutingService routing;
    private final JsonMapper json;
    private final long maxUpload;

    public RoutingController(RoutingService routing, JsonMapper json, MokminProperties properties) {
        this.routing = routing;
        this.json = json;
        this.maxUpload = properties.triage().routing().maxTrainingUpload().toBytes();
    }

    public record Rejected(int line, String reason) {
    }

    public record ImportResponse(int records, int accepted, int duplicates, int rejectedCount, List<Rejected> rejected,
                                 String format, String charset) {
    }

    public record VersionView(int version, String status, String algorithm, int examples, int departments,
                              JsonNode metrics, boolean active, String failure, String createdBy, Instant createdAt,
                              Instant finishedAt) {
    }

    public record ExampleCounts(long total, long imported, long corrections, long departments,
                                Map<String, Long> perDepartment) {
    }

    public record ModelStatus(String modelVersion, VersionView active, int onlineUpdates, ExampleCounts examples,
                              List<VersionView> versions) {
    }

    /**
     * Body: JSON Lines or CSV (UTF-8 or CP949/EUC-KR), the format from the content type or sniffed. {@code label}
     * names the department field when it is not one of the usual names.
     */
    @PostMapping(path = "/api/v1/triage/training", produces = MediaType.APPLICATION_JSON_VALUE)
    public ImportResponse upload(HttpServletRequest request, @RequestParam(required = false) String label)
            throws IOException {
        byte[] body = readLimited(request);
        if (body.length == 0) {
            throw MokminException.invalid("본문이 비어 있습니다 (JSONL 또는 CSV).");
        }
        RoutingService.ImportReport report = routing.importExamples(body, request.getContentType(), label);
        List<TrainingFile.Problem> problems = report.rejected();
        List<Rejected> listed = problems.stream().limit(MAX_LISTED_PROBLEMS)
                .map(p -> new Rejected(p.line(), p.reason())).toList();
        return new ImportResponse(report.records(), report.accepted(), report.duplicates(), problems.size(), listed,
                report.format(), report.charset());
    }

    private byte[] readLimited(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxUpload) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUpload + 1));
            if (bytes.length > maxUpload) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private MokminException tooLarge() {
        return new MokminException(ProblemKind.PAYLOAD_TOO_LARGE,
                "학습 데이터가 너무 큽니다 (최대 %d바이트, mokmin.triage.routing.max-training-upload).".formatted(maxUpload));
    }

    /** Starts training a new version from all stored examples: 202 with the version, TRAINING until it is done. */
    @PostMapping(path = "/api/v1/triage/retrain", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<VersionView> retrain() {
        RoutingStore.Version v = routing.retrain();
        return ResponseEntity.accepted().location(URI.create("/api/v1/triage/model/versions/" + v.version()))
                .body(view(v));
    }

    @GetMapping(path = "/api/v1/triage/model", produces = MediaType.APPLICATION_JSON_VALUE)
    public ModelStatus model() {
        RoutingStore.Counts c = routing.counts();
        return new ModelStatus(routing.modelVersion(), routing.activeVersion().map(this::view).orElse(null),
                routing.onlineUpdates(),
                new ExampleCounts(c.total(), c.imported(), c.corrections(), c.departments(),
                        new LinkedHashMap<>(routing.examplesPerDepartment())),
                routing.versions(10).stream().map(this::view).toList());
    }

    @GetMapping(path = "/api/v1/triage/model/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    public VersionView version(@PathVariable int version) {
        return routing.version(version).map(this::view)
                .orElseThrow(() -> MokminException.notFound("모델 버전 " + version + "이(가) 없습니다."));
    }

    private VersionView view(RoutingStore.Version v) {
        JsonNode metrics = v.metrics() == null ? null : json.readTree(v.metrics());
        return new VersionView(v.version(), v.status().name(), v.algorithm(), v.exampleCount(), v.departmentCount(),
                metrics, v.active(), v.failure(), v.createdBy(), v.createdAt(), v.finishedAt());
    }
}
