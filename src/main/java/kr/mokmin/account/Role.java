package kr.mokmin.account;

/** Who may do what. Officers and department heads are bound to one department. */
public enum Role {
    CITIZEN, OFFICER, DEPT_HEAD, ADMIN;

    public boolean isStaff() {
        return this != CITIZEN;
    }
}
