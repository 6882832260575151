package kr.mokmin.triage;

import java.util.List;

import kr.mokmin.complaint.ComplaintType;
import kr.mokmin.triage.duplicate.SimilarComplaint;
import kr.mokmin.triage.facts.Fact;
import kr.mokmin.triage.pii.PiiSpan;

/**
 * Everything triage found in one complaint. All offsets are in {@link #maskedText}, which has the same length as
 * the text triaged (title, a blank line, body; or the body alone): no raw personal information is in here, fact
 * texts included.
 *
 * @param titleLength      chars of {@code maskedText} that are the title (0 when there was none)
 * @param departments      best first; a service the citizen chose names its department with confidence 1
 * @param routedDepartment the department the complaint goes to, or null for the routing queue (분류 담당)
 * @param modelVersion     the routing model that decided
 * @param micros           time triage took
 */
public record TriageResult(String maskedText, int titleLength, List<PiiSpan> pii, TypeSuggestion type,
                           List<DepartmentSuggestion> departments, List<Fact> facts,
                           List<SimilarComplaint> similar, String summary, String modelVersion,
                           String routedDepartment, long micros) {

    public TriageResult {
        pii = List.copyOf(pii);
        departments = List.copyOf(departments);
        facts = List.copyOf(facts);
        similar = List.copyOf(similar);
    }

    public record TypeSuggestion(ComplaintType type, String label, double confidence) {
    }

    /** @param source {@code service} (the citizen chose a service), {@code model} */
    public record DepartmentSuggestion(String code, String name, double confidence, String source) {
    }

    public String maskedTitle() {
        return maskedText.substring(0, titleLength);
    }

    public String maskedBody() {
        return titleLength == 0 ? maskedText : maskedText.substring(Math.min(maskedText.length(), titleLength + 2));
    }
}
