package kr.mokmin.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kr.mokmin.audit.AuditTrail;
import kr.mokmin.common.InstanceSecrets;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/** Staff accounts, API tokens and Open311 keys. Secrets are shown once and stored only as hashes. */
@Service
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._-]{3,64}");

    private final AccountRepository repository;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    public AccountService(AccountRepository repository, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewUser(String username, String displayName, Role role, String departmentCode, String password) {
    }

    @Transactional
    public UserAccount createUser(NewUser user, Actor by) {
        if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            throw MokminException.invalid("아이디는 영문, 숫자, . _ - 로 3~64자여야 합니다.");
        }
        if (user.role() == null) {
            throw MokminException.invalid("역할(role)이 필요합니다.");
        }
        boolean departmental = user.role() == Role.OFFICER || user.role() == Role.DEPT_HEAD;
        if (departmental && (user.departmentCode() == null || user.departmentCode().isBlank())) {
            throw MokminException.invalid("담당자와 부서장은 부서(departmentCode)가 필요합니다.");
        }
        if (user.password() != null && user.password().length() < 10) {
            throw MokminException.invalid("비밀번호는 10자 이상이어야 합니다.");
        }
        try {
            String displayName = user.displayName() == null || user.displayName().isBlank()
                    ? user.username() : user.displayName().strip();
            long id = repository.insertUser(user.username(),
                    user.password() == null ? null : passwords.encode(user.password()), displayName, user.role(),
                    departmental ? user.departmentCode() : null, Instant.now(clock));
            audit.record(by.name(), "account.created", "user", user.username(),
                    Map.of("role", user.role().name(), "department", String.valueOf(user.departmentCode())));
            return repository.findByUsername(user.username()).filter(u -> u.id() == id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new MokminException(ProblemKind.DUPLICATE, "이미 있는 아이디입니다: " + user.username());
        }
    }

    /** Creates a credential for a user and returns the secret (shown once). */
    @Transactional
    public String issueCredential(String username, CredentialKind kind, String label, Actor by) {
        String secret = (kind == CredentialKind.BEARER ? "mkt_" : "mk311_") + InstanceSecrets.randomToken(24);
        registerCredential(username, kind, label, secret, by);
        return secret;
    }

    /** Registers a secret chosen by the operator (e.g. MOKMIN_ADMIN_TOKEN). */
    @Transactional
    public void registerCredential(String username, CredentialKind kind, String label, String secret, Actor by) {
        UserAccount user = repository.findByUsername(username)
                .orElseThrow(() -> MokminException.notFound("사용자가 없습니다: " + username));
        if (secret == null || secret.length() < 16) {
            throw MokminException.invalid("토큰은 16자 이상이어야 합니다.");
        }
        repository.insertCredential(sha256(secret), kind, label == null ? kind.name().toLowerCase() : label,
                user.id(), Instant.now(clock));
        audit.record(by.name(), "credential.issued", "user", username, Map.of("kind", kind.name(),
                "label", String.valueOf(label)));
    }

    @Transactional
    public boolean revokeCredential(String secret, Actor by) {
        String hash = sha256(secret == null ? "" : secret);
        var owner = repository.credentialOwner(hash);
        boolean revoked = repository.revokeCredential(hash) > 0;
        if (revoked) {
            audit.record(by.name(), "credential.revoked", "user", owner.orElse("?"),
                    Map.of("credential", hash.substring(0, 12)));
        }
        return revoked;
    }

    public Optional<UserAccount> authenticateCredential(String secret, CredentialKind kind) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        return repository.findByCredential(sha256(secret), kind);
    }

    public Optional<UserAccount> findUser(String username) {
        return repository.findByUsername(username);
    }

    Optional<String> passwordHash(String username) {
        return repository.passwordHash(username);
    }

    public List<UserAccount> users() {
        return repository.listUsers();
    }

    public long userCount() {
        return repository.countUsers();
    }

    @Transactional
    public void setPassword(String username, String password, Actor by) {
        if (password == null || password.length() < 10) {
            throw MokminException.invalid("비밀번호는 10자 이상이어야 합니다.");
        }
        repository.updatePassword(username, passwords.encode(password));
        audit.record(by.name(), "account.password-set", "user", username, Map.of());
    }

    @Transactional
    public void setEnabled(String username, boolean enabled, Actor by) {
        repository.findByUsername(username).orElseThrow(() -> MokminException.notFound("사용자가 없습니다: " + username));
        repository.setEnabled(username, enabled);
        audit.record(by.name(), enabled ? "account.enabled" : "account.disabled", "user", username, Map.of());
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
