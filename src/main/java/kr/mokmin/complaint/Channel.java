package kr.mokmin.complaint;

/** Where a complaint came in. */
public enum Channel {
    WEB, OPEN311, KAKAO, API
}
