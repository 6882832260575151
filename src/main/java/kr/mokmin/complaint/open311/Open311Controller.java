package kr.mokmin.complaint.open311;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import kr.mokmin.MokminProperties;
import kr.mokmin.account.AccountService;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CredentialKind;
import kr.mokmin.account.Role;
import kr.mokmin.account.UserAccount;
import kr.mokmin.common.MokminException;
import kr.mokmin.complaint.Complaint;
import kr.mokmin.complaint.ComplaintService;
import kr.mokmin.complaint.ComplaintStatus;
import kr.mokmin.complaint.NewComplaint;
import kr.mokmin.complaint.Taxonomy;
import kr.mokmin.complaint.TaxonomyStore;
import kr.mokmin.web.PayloadTooLargeException;
import kr.mokmin.web.RateLimiter;

/**
 * Open311 GeoReport v2 at {@code /open311/v2} and Service Discovery at {@code /open311/discovery.{format}}.
 *
 * <ul>
 * <li>Formats: {@code .xml} (text/xml) and {@code .json} (application/json), UTF-8.</li>
 * <li>API keys: {@code POST requests} needs an Open311 key ({@code api_key}); {@code GET requests} too unless
 * {@code mokmin.open311.public-requests} is on. Services, discovery and tokens are open.</li>
 * <li>Requests without a valid key are rate-limited per client address (mokmin.intake.*).</li>
 * <li>{@code POST requests} answers 201 Created (200 when an Idempotency-Key replays an earlier request).</li>
 * <li>Errors, on every path under /open311, are the spec's error list with HTTP status = code.</li>
 * </ul>
 */
@RestController
@RequestMapping("/open311")
class Open311Controller {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** Response header carrying the request's token (the body stays spec-clean: id or token, not both). */
    static final String TOKEN_HEADER = "Open311-Token";

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);
    private static final DateTimeFormatter CHANGESET = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final int MAX_IDS = Open311RequestStore.MAX_RESULTS;

    private final ComplaintService complaints;
    private final TaxonomyStore taxonomy;
    private final AccountService accounts;
    private final RateLimiter rateLimiter;
    private final Open311Tokens tokens;
    private final Open311RequestStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final MokminProperties.Open311 settings;

    private final Instant startedAt;
    private Taxonomy seenTaxonomy;
    private Instant taxonomyChangedAt;

    Open311Controller(ComplaintService complaints, TaxonomyStore taxonomy, AccountService accounts,
                      RateLimiter rateLimiter, Open311Tokens tokens, Open311RequestStore store, Clock clock,
                      MokminProperties properties) {
        this.complaints = complaints;
        this.taxonomy = taxonomy;
        this.accounts = accounts;
        this.rateLimiter = rateLimiter;
        this.tokens = tokens;
        this.store = store;
        this.clock = clock;
        this.zone = ZoneId.of(properties.timeZone());
        this.settings = properties.open311();
        this.startedAt = Instant.now(clock);
    }

    // ---------------------------------------------------------------- discovery and services

    @GetMapping("/discovery.{format}")
    ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
        Open311Format f = format(format);
        caller(request);
        Taxonomy.City city = taxonomy.current().city();
        String changeset = changeset();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").toUriString());
        endpoint.put("changeset", changeset);
        endpoint.put("type", "production");
        endpoint.put("formats", new Open311Writer.Items("format", List.of("text/xml", "application/json")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("changeset", changeset);
        doc.put("contact", join(city.name() + " 민원 문의", city.phone(), city.homepage()));
        doc.put("key_service", "민원 접수(POST requests)에는 API 키가 필요합니다. " + join(city.name() + "에 신청하세요",
                city.phone()) + ".");
        doc.put("endpoints", new Open311Writer.Items("endpoint", List.of(endpoint)));
        return ok(f, Open311Writer.object(f, "discovery", doc));
    }

    @GetMapping("/v2/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format, HttpServletRequest request) {
        Open311Format f = format(format);
        checkJurisdiction(request);
        caller(request);
        var items = taxonomy.current().services().stream().map(Open311Views::service).toList();
        return ok(f, Open311Writer.list(f, "services", "service", items));
    }

    @GetMapping("/v2/services/{file}")
    ResponseEntity<byte[]> serviceDefinition(@PathVariable String file, HttpServletRequest request) {
        Resource r = resource(file);
        checkJurisdiction(request);
        caller(request);
        Taxonomy.ServiceDefinition service = taxonomy.current().service(r.id()).orElseThrow(
                () -> Open311Exception.notFound("service_code를 찾을 수 없습니다: " + Open311Intake.shorten(r.id())));
        return ok(r.format(), Open311Writer.object(r.format(), "service_definition",
                Open311Views.serviceDefinition(service)));
    }

    // ---------------------------------------------------------------- requests

    @PostMapping("/v2/requests.{format}")
    ResponseEntity<byte[]> create(@PathVariable String format,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                  HttpServletRequest request) {
        Open311Format f = format(format);
        checkJurisdiction(request);
        UserAccount account = caller(request).orElseThrow(() -> Open311Exception.forbidden(
                "api_key가 필요합니다. 민원 접수(POST requests)에는 Open311 API 키가 있어야 합니다."));
        Taxonomy current = taxonomy.current();
        NewComplaint input = Open311Intake.toComplaint(param(request), current);
        // The client submits on behalf of a citizen: it gets no staff rights, whatever account owns the key.
        Actor actor = new Actor("open311:" + account.username(), Role.CITIZEN, null);
        var result = complaints.submit(input, idempotencyKey, actor);
        Complaint c = result.complaint();
        String agency = Open311Views.agency(c.departmentCode(), current.service(c.serviceCode()).orElse(null), current);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", c.receiptNo());
        created.put("service_notice", Open311Views.serviceNotice(agency, c.dueAt(), zone));
        created.put("account_id", null);
        byte[] body = Open311Writer.list(f, "service_requests", "request", List.of(created));
        var response = ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/open311/v2/requests/" + c.receiptNo() + "." + f.extension()))
                .header(TOKEN_HEADER, tokens.issue(c.receiptNo()))
                .contentType(f.mediaType());
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(body);
    }

    @GetMapping("/v2/requests.{format}")
    ResponseEntity<byte[]> requests(@PathVariable String format, HttpServletRequest request) {
        Open311Format f = format(format);
        checkJurisdiction(request);
        requireReader(request);
        var param = param(request);
        List<Open311RequestStore.PublicRequest> found;
        String ids = param.apply("service_request_id");
        if (ids != null) {
            // The spec: service_request_id "overrides all other arguments".
            found = byIds(split(ids));
        } else {
            var window = Open311Dates.window(param.apply("start_date"), param.apply("end_date"), Instant.now(clock),
                    zone);
            String codes = param.apply("service_code");
            found = store.find(new Open311RequestStore.Filter(window.from(), window.until(),
                    codes == null ? Set.of() : Set.copyOf(split(codes)), statuses(param.apply("status"))));
        }
        return ok(f, requestList(f, found));
    }

    @GetMapping("/v2/requests/{file}")
    ResponseEntity<byte[]> request(@PathVariable String file, HttpServletRequest request) {
        Resource r = resource(file);
        checkJurisdiction(request);
        requireReader(request);
        var found = store.byReceiptNumbers(List.of(r.id()));
        if (found.isEmpty()) {
            throw Open311Exception.notFound("service_request_id를 찾을 수 없습니다: " + Open311Intake.shorten(r.id()));
        }
        return ok(r.format(), requestList(r.format(), found));
    }

    @GetMapping("/v2/tokens/{file}")
    ResponseEntity<byte[]> token(@PathVariable String file, HttpServletRequest request) {
        Resource r = resource(file);
        checkJurisdiction(request);
        caller(request);
        String receiptNo = tokens.resolve(r.id())
                .filter(no -> !store.byReceiptNumbers(List.of(no)).isEmpty())
                .orElseThrow(() -> Open311Exception.notFound("token을 찾을 수 없습니다."));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("service_request_id", receiptNo);
        item.put("token", r.id());
        return ok(r.format(), Open311Writer.list(r.format(), "service_requests", "request", List.of(item)));
    }

    /** Anything else under /open311: 405 for a known resource with another method, else 404. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> fallback(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String allowed = allowedMethods(path);
        Open311Format f = Open311Format.forError(path, request.getHeader(HttpHeaders.ACCEPT));
        if (allowed == null) {
            return error(f, new Open311Exception(404, "없는 Open311 자원입니다: " + Open311Intake.shorten(path)));
        }
        return ResponseEntity.status(405).header(HttpHeaders.ALLOW, allowed).contentType(f.mediaType())
                .body(Open311Writer.errors(f, List.of(new Open311Exception.Error(405,
                        request.getMethod() + " 메서드는 이 자원에 쓸 수 없습니다. 허용: " + allowed))));
    }

    private static final Pattern GET_ONLY = Pattern.compile(
            "/open311/(discovery\\.[^/]+|v2/services\\.[^/]+|v2/(services|requests|tokens)/[^/]+)");
    private static final Pattern GET_POST = Pattern.compile("/open311/v2/requests\\.[^/]+");

    private static String allowedMethods(String path) {
        if (GET_POST.matcher(path).matches()) {
            return "GET, HEAD, POST";
        }
        return GET_ONLY.matcher(path).matches() ? "GET, HEAD" : null;
    }

    // ---------------------------------------------------------------- errors

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> open311Error(Open311Exception e, HttpServletRequest request) {
        return error(errorFormat(request), e);
    }

    @ExceptionHandler(MokminException.class)
    ResponseEntity<byte[]> domainError(MokminException e, HttpServletRequest request) {
        return error(errorFormat(request), Open311Errors.of(e));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<byte[]> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        return error(errorFormat(request), new Open311Exception(413, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        log.error("Open311 request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(errorFormat(request), new Open311Exception(500, "처리 중 오류가 발생했습니다."));
    }

    private static Open311Format errorFormat(HttpServletRequest request) {
        return Open311Format.forError(request.getRequestURI(), request.getHeader(HttpHeaders.ACCEPT));
    }

    private static ResponseEntity<byte[]> error(Open311Format format, Open311Exception e) {
        return ResponseEntity.status(e.status()).contentType(format.mediaType())
                .body(Open311Writer.errors(format, e.errors()));
    }

    // ---------------------------------------------------------------- helpers

    private static ResponseEntity<byte[]> ok(Open311Format format, byte[] body) {
        return ResponseEntity.ok().contentType(format.mediaType()).body(body);
    }

    private byte[] requestList(Open311Format f, List<Open311RequestStore.PublicRequest> found) {
        Taxonomy current = taxonomy.current();
        var items = found.stream().map(r -> Open311Views.request(r, current, zone)).toList();
        return Open311Writer.list(f, "service_requests", "request", items);
    }

    private List<Open311RequestStore.PublicRequest> byIds(List<String> ids) {
        Set<String> unique = new LinkedHashSet<>(ids);
        if (unique.size() > MAX_IDS) {
            throw Open311Exception.badRequest("service_request_id는 한 번에 " + MAX_IDS + "개까지 조회할 수 있습니다.");
        }
        Map<String, Open311RequestStore.PublicRequest> byNo = store.byReceiptNumbers(unique).stream()
                .collect(Collectors.toMap(Open311RequestStore.PublicRequest::receiptNo, r -> r));
        List<Open311RequestStore.PublicRequest> ordered = new ArrayList<>();
        for (String id : unique) {
            if (byNo.containsKey(id)) {
                ordered.add(byNo.get(id));
            }
        }
        return ordered;
    }

    private static Set<ComplaintStatus> statuses(String param) {
        if (param == null) {
            return Set.of();
        }
        boolean open = false;
        boolean closed = false;
        for (String s : split(param)) {
            switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "open" -> open = true;
                case "closed" -> closed = true;
                default -> throw Open311Exception.badRequest(
                        "status는 open 또는 closed여야 합니다 (쉼표로 여러 개): " + Open311Intake.shorten(s));
            }
        }
        if (open == closed) {
            return Set.of();
        }
        Set<ComplaintStatus> set = EnumSet.noneOf(ComplaintStatus.class);
        for (ComplaintStatus s : ComplaintStatus.values()) {
            if (s.isOpen() == open) {
                set.add(s);
            }
        }
        return set;
    }

    private static List<String> split(String commaList) {
        List<String> parts = new ArrayList<>();
        for (String p : commaList.split(",")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return parts;
    }

    /** A parameter from the query string or the form body; blank is absent ("Optional Arguments"). */
    private static Function<String, String> param(HttpServletRequest request) {
        return name -> Open311Intake.blankToNull(request.getParameter(name));
    }

    private static Open311Format format(String extension) {
        return Open311Format.of(extension).orElseThrow(() -> Open311Exception.notFound(
                "지원하지 않는 형식입니다: ." + Open311Intake.shorten(extension) + " (.xml 또는 .json)"));
    }

    /** The id and format of {@code {id}.{format}}. */
    private record Resource(String id, Open311Format format) {
    }

    private static Resource resource(String file) {
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            throw Open311Exception.notFound("형식이 빠졌습니다: " + Open311Intake.shorten(file)
                    + " 뒤에 .xml 또는 .json을 붙이세요.");
        }
        return new Resource(file.substring(0, dot), format(file.substring(dot + 1)));
    }

    private void checkJurisdiction(HttpServletRequest request) {
        String given = Open311Intake.blankToNull(request.getParameter("jurisdiction_id"));
        if (given != null && !given.strip().equalsIgnoreCase(settings.jurisdictionId())) {
            // GeoReport v2 lists "404 - jurisdiction_id provided was not found" for every method.
            throw Open311Exception.notFound("jurisdiction_id를 찾을 수 없습니다: " + Open311Intake.shorten(given.strip())
                    + " (이 서버의 jurisdiction_id는 " + settings.jurisdictionId() + ")");
        }
    }

    /**
     * The account behind {@code api_key}, if one was sent. A key that was sent but is not a valid Open311 key is
     * a 403, never a silent fall-back to anonymous. Callers without a valid key are rate-limited per address.
     */
    private Optional<UserAccount> caller(HttpServletRequest request) {
        String key = Open311Intake.blankToNull(request.getParameter("api_key"));
        if (key != null) {
            var account = accounts.authenticateCredential(key.strip(), CredentialKind.OPEN311);
            if (account.isPresent()) {
                return account;
            }
        }
        if (!rateLimiter.tryAcquire("open311:" + request.getRemoteAddr())) {
            throw new Open311Exception(429, "요청이 너무 많습니다. 잠시 후 다시 시도하세요.");
        }
        if (key != null) {
            throw Open311Exception.forbidden("api_key가 유효하지 않습니다.");
        }
        return Optional.empty();
    }

    /** GET requests: a valid api_key unless the operator made requests public. */
    private void requireReader(HttpServletRequest request) {
        if (caller(request).isEmpty() && !settings.publicRequests()) {
            throw Open311Exception.forbidden("api_key가 필요합니다. 이 기관은 민원 조회(GET requests)에 Open311 API 키를 "
                    + "요구합니다.");
        }
    }

    /** Last change of what clients cache (the service list): start-up, or the moment a new taxonomy was seen. */
    private synchronized String changeset() {
        Taxonomy current = taxonomy.current();
        if (seenTaxonomy == null) {
            seenTaxonomy = current;
            taxonomyChangedAt = startedAt;
        } else if (seenTaxonomy != current) {
            seenTaxonomy = current;
            taxonomyChangedAt = Instant.now(clock);
        }
        return CHANGESET.format(taxonomyChangedAt.atZone(zone));
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank())
                .collect(Collectors.joining(" "));
    }
}
