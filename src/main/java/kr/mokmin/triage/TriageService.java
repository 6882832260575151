package kr.mokmin.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import kr.mokmin.complaint.ComplaintType;
import kr.mokmin.complaint.Taxonomy;
import kr.mokmin.triage.TriageResult.DepartmentSuggestion;
import kr.mokmin.triage.TriageResult.TypeSuggestion;
import kr.mokmin.triage.duplicate.DuplicateIndex;
import kr.mokmin.triage.duplicate.SimilarComplaint;
import kr.mokmin.triage.facts.Fact;
import kr.mokmin.triage.facts.FactExtractor;
import kr.mokmin.triage.facts.FactType;
import kr.mokmin.triage.facts.PlaceKeys;
import kr.mokmin.triage.facts.Summarizer;
import kr.mokmin.triage.pii.KoreanPiiMasker;
import kr.mokmin.triage.pii.MaskedText;
import kr.mokmin.triage.pii.PiiMasker;
import kr.mokmin.triage.pii.PiiSpan;
import kr.mokmin.triage.route.ComplaintTypeClassifier;
import kr.mokmin.triage.route.DepartmentRouter;
import kr.mokmin.triage.route.Prediction;

/**
 * The whole triage of one complaint, plain Java and deterministic: mask personal information, then classify the
 * type, route to departments, extract facts, find similar recent complaints and summarise — all on the masked
 * text, except fact extraction, which reads the original and reports what the masked text shows.
 */
public final class TriageService {


    /** Facts that are personal information by their type. */
    private static final Set<FactType> PERSONAL_FACTS = Set.of(FactType.PHONE_NUMBER, FactType.VEHICLE_PLATE);

    private final PiiMasker masker;
    private final ComplaintTypeClassifier types;
    private final DepartmentRouter router;
    private final FactExtractor facts;
    private final Summarizer summarizer;
    private final DuplicateIndex duplicates;
    private final Supplier<Taxonomy> taxonomy;
    private final TriageSettings settings;

    public TriageService(PiiMasker masker, ComplaintTypeClassifier types, DepartmentRouter router,
                         FactExtractor facts, Summarizer summarizer, DuplicateIndex duplicates,
                         Supplier<Taxonomy> taxonomy, TriageSettings settings) {
        this.masker = masker;
        this.types = types;
        this.router = router;
        this.facts = facts;
        this.summarizer = summarizer;
        this.duplicates = duplicates;
        this.taxonomy = taxonomy;
        this.settings = settings;
    }

    /** Triage of text alone (no title, no service). */
    public TriageResult triage(String text) {
        return triage("", text, null);
    }

    /**
     * @param serviceCode the 민원 service the citizen chose, or null; its department and type are taken as given
     */
    public TriageResult triage(String title, String body, String serviceCode) {
        long started = System.nanoTime();
        String safeTitle = title == null ? "" : title;
        String safeBody = body == null ? "" : body;
        String text = safeTitle.isEmpty() ? safeBody : safeTitle + "\n\n" + safeBody;
        MaskedText masked = masker.mask(text);
        String maskedText = masked.text();
        if (maskedText.length() != text.length()) {
            throw new IllegalStateException("PII masking must keep the text's length");
        }
        int titleLength = safeTitle.length();
        String maskedTitle = maskedText.substring(0, titleLength);
        String maskedBody = titleLength == 0 ? maskedText : maskedText.substring(titleLength + 2);

        Taxonomy current = taxonomy.get();
        Taxonomy.ServiceDefinition service = serviceCode == null ? null : current.service(serviceCode).orElse(null);

        TypeSuggestion type;
        if (service != null && service.type() != null) {
            type = new TypeSuggestion(service.type(), service.type().label(), 1.0);
        } else {
            var predicted = types.classify(maskedTitle, maskedBody);
            ComplaintType t = predicted.type();
            type = new TypeSuggestion(t, t.label(), predicted.confidence());
        }

        List<DepartmentSuggestion> departments = new ArrayList<>();
        if (service != null && service.department() != null && current.department(service.department()).isPresent()) {
            departments.add(new DepartmentSuggestion(service.department(),
                    current.departmentName(service.department()), 1.0, "service"));
        }
        String modelVersion = router.modelVersion();
        for (Prediction p : router.route(maskedTitle, maskedBody, settings.departments())) {
            if (departments.size() >= settings.departments()) {
                break;
            }
            if (current.department(p.label()).isEmpty()
                    || departments.stream().anyMatch(d -> d.code().equals(p.label()))) {
                continue; // a department the taxonomy no longer has, or the service's own
            }
            departments.add(new DepartmentSuggestion(p.label(), current.departmentName(p.label()), p.confidence(),
                    "model"));
        }
        String routed = !departments.isEmpty() && departments.getFirst().confidence() >= settings.autoRouteThreshold()
                ? departments.getFirst().code() : null;

        List<Fact> found = maskedFacts(facts.extract(text), maskedText, masked.spans());
        List<SimilarComplaint> similar = settings.similar() == 0 ? List.of()
                : duplicates.similar(maskedTitle, maskedBody, PlaceKeys.of(found), settings.similar());
        String summary = summarizer.summarize(maskedTitle, maskedBody, settings.summaryChars());
        long micros = (System.nanoTime() - started) / 1000;
        return new TriageResult(maskedText, titleLength, masked.spans(), type, departments, found, similar,
                summary, modelVersion, routed, micros);
    }

    /**
     * Facts as the masked text shows them: a fact that overlaps personal information (a phone number, a plate,
     * a detailed address) carries the masked characters in its text, and its normalised form has its digits
     * masked (a place key stays a key, "road:시청로 **", so duplicates still match on the street).
     */
    static List<Fact> maskedFacts(List<Fact> facts, String maskedText, List<PiiSpan> pii) {
        List<Fact> out = new ArrayList<>(facts.size());
        for (Fact f : facts) {
            if (f.start() < 0 || f.end() > maskedText.length() || f.start() >= f.end()) {
                continue;
            }
            boolean overlapsPii = pii.stream().anyMatch(s -> s.start() < f.end() && f.start() < s.end());
            String shown = maskedText.substring(f.start(), f.end());
            if (PERSONAL_FACTS.contains(f.type())) {
                if (!overlapsPii) {
                    // The masker missed it but the fact says what it is: never show it whole.
                    shown = KoreanPiiMasker.maskDigits(shown, 0, f.type() == FactType.PHONE_NUMBER ? 4 : 0);
                }
                out.add(new Fact(f.type(), shown, f.start(), f.end(), shown));
                continue;
            }
            String normalized = overlapsPii && f.normalized() != null
                    ? KoreanPiiMasker.maskDigits(f.normalized(), 0, 0) : f.normalized();
            out.add(new Fact(f.type(), shown, f.start(), f.end(), normalized));
        }
        return out;
    }
}
