package kr.mokmin.account;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import kr.mokmin.common.MokminException;

/**
 * Admin API for staff accounts and API tokens (ADMIN only, enforced by the security chain). Open311 keys are
 * issued by {@code /api/v1/admin/open311/keys}.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
public class AccountController {

    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    public record CreateUser(String username, String displayName, Role role, String departmentCode, String password) {
    }

    public record CredentialRequest(String label) {
    }

    public record IssuedCredential(String username, String kind, String label, String secret) {
    }

    public record PasswordChange(String password) {
    }

    public record EnabledChange(boolean enabled) {
    }

    @GetMapping("/users")
    public List<UserAccount> users() {
        return accounts.users();
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public UserAccount create(@RequestBody CreateUser body) {
        if (body.role() == Role.CITIZEN) {
            throw MokminException.invalid("시민 계정은 만들 수 없습니다. 시민은 로그인 없이 민원을 신청합니다.");
        }
        return accounts.createUser(new AccountService.NewUser(body.username(), body.displayName(), body.role(),
                body.departmentCode(), body.password()), CurrentActor.get());
    }

    @PutMapping(path = "/users/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void password(@PathVariable String username, @RequestBody PasswordChange body) {
        accounts.findUser(username).orElseThrow(() -> MokminException.notFound("사용자가 없습니다: " + username));
        accounts.setPassword(username, body.password(), CurrentActor.get());
    }

    @PutMapping(path = "/users/{username}/enabled", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void enabled(@PathVariable String username, @RequestBody EnabledChange body) {
        accounts.setEnabled(username, body.enabled(), CurrentActor.get());
    }

    /** Issues a bearer token for the user; the secret is in this response only. */
    @PostMapping(path = "/users/{username}/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedCredential token(@PathVariable String username, @RequestBody(required = false) CredentialRequest body) {
        String label = body == null ? null : body.label();
        return new IssuedCredential(username, CredentialKind.BEARER.name(), label,
                accounts.issueCredential(username, CredentialKind.BEARER, label, CurrentActor.get()));
    }

    public record RevokeRequest(String secret) {
    }

    @PostMapping(path = "/credentials/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Boolean> revoke(@RequestBody RevokeRequest body) {
        return Map.of("revoked", accounts.revokeCredential(body.secret(), CurrentActor.get()));
    }
}
