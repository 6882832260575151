package kr.mokmin.complaint.open311;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import kr.mokmin.account.AccountService;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CredentialKind;
import kr.mokmin.account.CurrentActor;
import kr.mokmin.common.MokminException;

/**
 * Administrators issue and revoke Open311 API keys (for a 311 app or a partner such as a civic-tech service).
 * Under /api/v1/admin, so the security chain admits administrators only; errors are problem+json like the rest
 * of the REST API. The key is shown once; only its hash is stored.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/open311/keys", produces = MediaType.APPLICATION_JSON_VALUE)
class Open311KeyController {

    private final AccountService accounts;

    Open311KeyController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** @param username the account that owns the key (default: the calling administrator) */
    record IssueRequest(String label, String username) {
    }

    record IssuedKey(String apiKey, String label, String username) {
    }

    record RevokeRequest(String apiKey) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedKey> issue(@RequestBody IssueRequest body) {
        Actor admin = CurrentActor.get();
        if (body == null || body.label() == null || body.label().isBlank() || body.label().length() > 100) {
            throw MokminException.invalid("label(키를 쓰는 앱이나 기관 이름, 100자 이하)이 필요합니다.");
        }
        String owner = body.username() == null || body.username().isBlank() ? admin.name() : body.username().strip();
        String key = accounts.issueCredential(owner, CredentialKind.OPEN311, body.label().strip(), admin);
        return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedKey(key, body.label().strip(), owner));
    }

    @PostMapping(path = "/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> revoke(@RequestBody RevokeRequest body) {
        String key = body == null || body.apiKey() == null ? null : body.apiKey().strip();
        // Only Open311 keys: this endpoint must not become a way to revoke bearer tokens by accident.
        if (key == null || accounts.authenticateCredential(key, CredentialKind.OPEN311).isEmpty()) {
            throw MokminException.notFound("유효한 Open311 API 키가 아닙니다.");
        }
        accounts.revokeCredential(key, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }
}
