package kr.mokmin.triage.route;

import java.util.List;

import kr.mokmin.complaint.ComplaintType;
import kr.mokmin.text.KoreanText;

/**
 * 민원 type from how the complaint is phrased: questions (질의), requests to change or add something (건의),
 * reports of harm, nuisance or unfair treatment (고충), applications for a permit or certificate (법정), and
 * everything else, thanks and unclear texts included (기타). Phrases are matched without spaces, since Korean
 * spacing varies between writers; the title counts twice. Confidence is the winning type's share of the
 * evidence plus a fixed amount of doubt, with a prior on 기타: a text with one weak cue stays uncertain, and a text
 * with no cue at all is 기타 at 0.5. Cheap: a few hundred
 * {@code indexOf} calls over at most {@value #MAX_CHARS} characters.
 *
 * <p>Following the taxonomy's services (불법 주정차 신고, 가로등 고장 신고 are GRIEVANCE), reports of everyday
 * problems count as 고충, not as 기타 as 시행령 제2조 would have it for mere notices.
 */
public final class PhrasingTypeClassifier implements ComplaintTypeClassifier {

    static final int MAX_CHARS = 1500;
    /** Evidence 기타 starts with: below it, nothing else wins. */
    static final double OTHER_PRIOR = 1.0;
    /** Evidence for "cannot tell" in the denominator, so that no confidence reaches 1 on a few cues. */
    static final double DOUBT = 1.0;

    private record Cue(String phrase, double weight) {
    }

    private static Cue cue(String phrase, double weight) {
        return new Cue(phrase, weight);
    }

    private static final List<Cue> INQUIRY = List.of(
            cue("문의", 2), cue("질의", 2), cue("궁금", 2), cue("알려주", 1.5), cue("알려주시", 1), cue("알고싶", 1.5),
            cue("알수있", 1), cue("어떻게해야", 1.5), cue("어떻게하면", 1.5), cue("어떻게되", 1), cue("어디에서", 1),
            cue("어디로", 1), cue("언제까지", 1), cue("인가요", 1.5), cue("되나요", 1.5), cue("나요?", 1),
            cue("까요?", 1), cue("는지요", 1.5), cue("습니까?", 1), cue("가능한가", 1.5), cue("가능할까", 1.5),
            cue("가능한지", 1.5), cue("방법", 1), cue("절차", 1), cue("해당되", 1), cue("대상인지", 1.5),
            cue("자격", 1), cue("기준이", 1), cue("해석", 1.5), cue("?", 0.5));

    private static final List<Cue> PROPOSAL = List.of(
            cue("건의", 2.5), cue("제안", 2.5), cue("신설", 1.5), cue("설치해", 1.5), cue("설치를", 1),
            cue("설치하여", 1), cue("설치바", 1.5), cue("증설", 1.5), cue("확대", 1), cue("확충", 1), cue("늘려", 1),
            cue("개선", 1.5), cue("했으면좋겠", 1.5), cue("하면좋겠", 1.5), cue("면좋겠습니다", 1),
            cue("만들어주", 1.5), cue("바꿔주", 1), cue("변경해", 1), cue("도입", 1), cue("검토해주", 1),
            cue("검토바", 1), cue("요청드립니다", 0.5), cue("바랍니다", 0.5));

    private static final List<Cue> GRIEVANCE = List.of(
            cue("불편", 1.5), cue("피해", 1.5), cue("고통", 1.5), cue("시끄", 1.5), cue("소음", 1), cue("악취", 1.5),
            cue("냄새", 1), cue("불법", 1.5), cue("무단", 1), cue("단속", 1.5), cue("신고합니다", 1.5),
            cue("신고드립니다", 1.5), cue("고장", 1.5), cue("파손", 1.5), cue("망가", 1), cue("부서져", 1),
            cue("위험", 1), cue("방치", 1.5), cue("쓰레기", 0.5), cue("해결해", 1.5), cue("조치해", 1.5),
            cue("조치바", 1.5), cue("처리해주", 1), cue("시정", 1), cue("억울", 2), cue("부당", 2), cue("불친절", 2),
            cue("항의", 2), cue("너무", 0.5), cue("참을수", 1.5), cue("잠을", 1), cue("막혀", 1), cue("침수", 1),
            cue("누수", 1), cue("꺼져", 1), cue("안됩니다", 0.5), cue("못하고", 0.5));

    private static final List<Cue> STATUTORY = List.of(
            cue("신청합니다", 2.5), cue("신청하고자", 2.5), cue("신청서", 2), cue("발급해", 2), cue("발급받고자", 2),
            cue("발급신청", 2.5), cue("허가신청", 2.5), cue("허가를신청", 2.5), cue("신고서를제출", 2.5),
            cue("등록신청", 2.5), cue("영업신고를", 1.5), cue("인허가", 1), cue("증명서", 1), cue("등본", 1),
            cue("초본", 1), cue("구비서류", 1), cue("접수하고자", 1.5));

    private static final List<Cue> OTHER = List.of(
            cue("감사합니다", 0.3), cue("감사드립니다", 1), cue("칭찬", 2.5), cue("고맙", 1.5), cue("수고하", 1),
            cue("친절하게", 1.5));

    @Override
    public TypePrediction classify(String maskedTitle, String maskedBody) {
        String title = KoreanText.withoutSpaces(maskedTitle == null ? "" : maskedTitle);
        String body = KoreanText.withoutSpaces(maskedBody == null ? "" : maskedBody);
        if (body.length() > MAX_CHARS) {
            body = body.substring(0, MAX_CHARS);
        }
        double[] score = new double[ComplaintType.values().length];
        score[ComplaintType.INQUIRY.ordinal()] = evidence(INQUIRY, title, body);
        score[ComplaintType.PROPOSAL.ordinal()] = evidence(PROPOSAL, title, body);
        score[ComplaintType.GRIEVANCE.ordinal()] = evidence(GRIEVANCE, title, body);
        score[ComplaintType.STATUTORY.ordinal()] = evidence(STATUTORY, title, body);
        score[ComplaintType.OTHER.ordinal()] = OTHER_PRIOR + evidence(OTHER, title, body);
        ComplaintType best = ComplaintType.OTHER;
        double total = DOUBT;
        for (ComplaintType t : ComplaintType.values()) {
            total += score[t.ordinal()];
            if (score[t.ordinal()] > score[best.ordinal()]) {
                best = t;
            }
        }
        return new TypePrediction(best, score[best.ordinal()] / total);
    }

    /** Title hits count twice; a phrase counts at most twice in the body (repetition is not more evidence). */
    private static double evidence(List<Cue> cues, String title, String body) {
        double sum = 0;
        for (Cue c : cues) {
            if (title.contains(c.phrase())) {
                sum += 2 * c.weight();
            }
            int at = body.indexOf(c.phrase());
            if (at >= 0) {
                sum += c.weight();
                if (body.indexOf(c.phrase(), at + c.phrase().length()) >= 0) {
                    sum += c.weight() / 2;
                }
            }
        }
        return sum;
    }
}
