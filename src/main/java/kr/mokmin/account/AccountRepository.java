package kr.mokmin.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final String COLUMNS = "id, username, display_name, role, department_code, enabled, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long countUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    long insertUser(String username, String passwordHash, String displayName, Role role, String department,
                    Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, role, department_code, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, TRUE, ?)""")
                .params(username, passwordHash, displayName, role.name(), department, now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username)
                .query(AccountRepository::map).optional();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?").param(username)
                .query(String.class).optional();
    }

    void updatePassword(String username, String hash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(hash, username).update();
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
    }

    List<UserAccount> listUsers() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(AccountRepository::map).list();
    }

    void insertCredential(String secretHash, CredentialKind kind, String label, long userId, Instant now) {
        jdbc.sql("""
                INSERT INTO api_credential (secret_hash, kind, label, user_id, created_at, revoked)
                VALUES (?, ?, ?, ?, ?, FALSE)""")
                .params(secretHash, kind.name(), label, userId, now.atOffset(ZoneOffset.UTC)).update();
    }

    /** The enabled account owning an unrevoked credential of this kind. */
    Optional<UserAccount> findByCredential(String secretHash, CredentialKind kind) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.role, u.department_code, u.enabled, u.created_at
                FROM api_credential c JOIN app_user u ON u.id = c.user_id
                WHERE c.secret_hash = ? AND c.kind = ? AND c.revoked = FALSE AND u.enabled = TRUE""")
                .params(secretHash, kind.name()).query(AccountRepository::map).optional();
    }

    Optional<String> credentialOwner(String secretHash) {
        return jdbc.sql("""
                SELECT u.username FROM api_credential c JOIN app_user u ON u.id = c.user_id WHERE c.secret_hash = ?""")
                .param(secretHash).query(String.class).optional();
    }

    int revokeCredential(String secretHash) {
        return jdbc.sql("UPDATE api_credential SET revoked = TRUE WHERE secret_hash = ?").param(secretHash).update();
    }

    private static UserAccount map(ResultSet rs, int n) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("department_code"), rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
