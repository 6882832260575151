package kr.mokmin.triage.route;

import kr.mokmin.complaint.ComplaintType;

/** 민원 type (질의/건의/고충/기타/법정) of a masked complaint. Thread-safe. */
public interface ComplaintTypeClassifier {

    TypePrediction classify(String maskedTitle, String maskedBody);

    record TypePrediction(ComplaintType type, double confidence) {
    }
}
