package kr.mokmin.account;

import java.time.Instant;

/** A staff (or service) account. The password hash never leaves the account module. */
public record UserAccount(long id, String username, String displayName, Role role, String departmentCode,
                          boolean enabled, Instant createdAt) {

    public Actor actor() {
        return new Actor(username, role, departmentCode);
    }
}
