package kr.mokmin.account;

import java.util.Objects;

/**
 * The person or system acting on a request, as the domain sees it (independent of Spring Security).
 *
 * @param name           username, or a label such as "citizen" or "open311:label"
 * @param departmentCode the officer's department; null for admins and citizens
 */
public record Actor(String name, Role role, String departmentCode) {

    public static final Actor CITIZEN = new Actor("citizen", Role.CITIZEN, null);
    public static final Actor SYSTEM = new Actor("system", Role.ADMIN, null);

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
