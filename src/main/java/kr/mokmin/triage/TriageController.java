package kr.mokmin.triage;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import kr.mokmin.account.Actor;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import kr.mokmin.complaint.Complaint;
import kr.mokmin.complaint.ComplaintService;
import kr.mokmin.complaint.IntakeValidator;
import kr.mokmin.triage.duplicate.DuplicateIndex;
import kr.mokmin.triage.duplicate.SimilarComplaint;

/**
 * {@code POST /api/v1/triage}: triage of any text for integrations and the UI (staff only). Nothing is stored,
 * and no raw personal information is echoed back: every text in the response is from the masked text.
 */
@RestController
@Tag(name = "triage", description = "민원 자동 분류: 개인정보 마스킹, 유형·담당부서, 주요 사실, 유사 민원, 요약")
public class TriageController {

    /** The longest text accepted: a complaint's title and body together. */
    static final int MAX_TEXT = IntakeValidator.MAX_TITLE + IntakeValidator.MAX_BODY + 2;

    private final TriageService triage;
    private final TriageRepository stored;
    private final ComplaintService complaints;
    private final DuplicateIndex duplicates;

    public TriageController(TriageService triage, TriageRepository stored, ComplaintService complaints,
                            DuplicateIndex duplicates) {
        this.triage = triage;
        this.stored = stored;
        this.complaints = complaints;
        this.duplicates = duplicates;
    }

    @Schema(description = "빈발·중복 민원 묶음: 한 번에 답할 수 있는 거의 같은 민원들")
    public record Group(@Schema(description = "대표 민원의 요약") String label, List<String> receiptNos) {
    }

    @GetMapping("/api/v1/triage/groups")
    @Operation(summary = "최근 민원 중 거의 같은 민원의 묶음 (큰 묶음부터; 볼 수 있는 민원만)")
    public List<Group> groups() {
        Actor actor = CurrentActor.get();
        List<Group> visible = new ArrayList<>();
        for (DuplicateIndex.ComplaintGroup g : duplicates.groups()) {
            List<String> mine = g.receiptNos().stream().filter(no -> isVisible(no, actor)).toList();
            if (mine.size() >= 2) {
                visible.add(new Group(g.label(), mine));
            }
        }
        return visible;
    }

    private boolean isVisible(String receiptNo, Actor actor) {
        try {
            return complaints.isVisible(complaints.find(receiptNo), actor);
        } catch (MokminException gone) {
            return false; // deleted or never committed
        }
    }

    @Schema(description = "분류할 글")
    public record TriageRequest(
            @Schema(description = "민원 내용 (필수)", requiredMode = Schema.RequiredMode.REQUIRED) String text,
            @Schema(description = "민원 제목 (선택): 있으면 분석하는 글은 제목, 빈 줄, 내용 순") String title,
            @Schema(description = "시민이 고른 민원 종류 코드 (선택)") String serviceCode) {
    }

    @Schema(description = "분류 결과; 모든 위치(start, end)는 maskedText 안의 UTF-16 위치")
    public record TriageResponse(
            @Schema(description = "개인정보를 가린 글 (원문과 길이가 같음)") String maskedText,
            List<Pii> pii,
            @Schema(description = "민원 유형 (INQUIRY 질의, PROPOSAL 건의, GRIEVANCE 고충, OTHER 기타, STATUTORY 법정)")
            String type,
            String typeLabel,
            double typeConfidence,
            @Schema(description = "담당부서 후보, 신뢰도 순") List<Department> departments,
            @Schema(description = "자동 배정될 부서; null이면 분류 담당 대기열") String routedDepartment,
            List<Fact> facts,
            @Schema(description = "비슷한 최근 민원") List<SimilarComplaint> similar,
            @Schema(description = "한 줄 요약 (원문 발췌)") String summary,
            @Schema(description = "분류 모델 버전") String modelVersion,
            @Schema(description = "분류에 걸린 시간 (마이크로초)") long micros) {
    }

    public record Pii(String type, String label, int start, int end, double confidence) {
    }

    public record Department(String code, String name, double confidence, String source) {
    }

    public record Fact(String type, String label, String text, int start, int end, String normalized) {
    }

    @PostMapping("/api/v1/triage")
    @Operation(summary = "글 하나를 분류 (저장하지 않음)")
    public TriageResponse triage(@RequestBody TriageRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw MokminException.invalid("분류할 내용(text)이 필요합니다.");
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (request.text().length() + title.length() > MAX_TEXT) {
            throw MokminException.invalid("제목과 내용은 합쳐 " + MAX_TEXT + "자 이하여야 합니다.");
        }
        return response(triage.triage(title, request.text(), blankToNull(request.serviceCode())));
    }

    @GetMapping("/api/v1/complaints/{receiptNo}/triage")
    @Operation(summary = "접수 때 저장된 민원의 분류 결과 (가린 글 기준)")
    public TriageResponse stored(@PathVariable String receiptNo) {
        Complaint complaint = complaints.requireVisibleComplaint(receiptNo, CurrentActor.get());
        return response(stored.find(complaint.id()).orElseThrow(() -> new MokminException(ProblemKind.NOT_FOUND,
                "이 민원에는 저장된 분류 결과가 없습니다: " + receiptNo)));
    }

    static TriageResponse response(TriageResult r) {
        return new TriageResponse(r.maskedText(),
                r.pii().stream().map(p -> new Pii(p.type().name(), p.type().label(), p.start(), p.end(),
                        p.confidence())).toList(),
                r.type().type().name(), r.type().label(), r.type().confidence(),
                r.departments().stream().map(d -> new Department(d.code(), d.name(), d.confidence(), d.source()))
                        .toList(),
                r.routedDepartment(),
                r.facts().stream().map(f -> new Fact(f.type().name(), f.type().label(), f.text(), f.start(), f.end(),
                        f.normalized())).toList(),
                r.similar(), r.summary(), r.modelVersion(), r.micros());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
