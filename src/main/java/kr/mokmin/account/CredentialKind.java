package kr.mokmin.account;

/** Machine credentials: bearer tokens for the REST API and API keys for Open311 clients. */
public enum CredentialKind {
    BEARER, OPEN311
}
