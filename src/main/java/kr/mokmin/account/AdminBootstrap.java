package kr.mokmin.account;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import kr.mokmin.common.InstanceSecrets;

/**
 * First start: creates the {@code admin} account. MOKMIN_ADMIN_TOKEN, if set, becomes an admin bearer token
 * (automation); MOKMIN_ADMIN_PASSWORD, if set, becomes the password; with neither, a generated password is
 * printed once to the console (never to the log).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final Environment env;
    private final PrintStream console;

    AdminBootstrap(AccountService accounts, Environment env) {
        this.accounts = accounts;
        this.env = env;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.userCount() > 0) {
            return;
        }
        String token = env.getProperty("MOKMIN_ADMIN_TOKEN");
        String password = env.getProperty("MOKMIN_ADMIN_PASSWORD");
        boolean generated = false;
        if ((password == null || password.isBlank()) && (token == null || token.isBlank())) {
            password = InstanceSecrets.randomToken(12);
            generated = true;
        }
        var actor = kr.mokmin.account.Actor.SYSTEM;
        accounts.createUser(new AccountService.NewUser("admin", "관리자", Role.ADMIN, null,
                password == null || password.isBlank() ? null : password), actor);
        if (token != null && !token.isBlank()) {
            accounts.registerCredential("admin", CredentialKind.BEARER, "MOKMIN_ADMIN_TOKEN", token.strip(), actor);
            log.info("Admin account created with the API token from MOKMIN_ADMIN_TOKEN");
        }
        if (generated) {
            console.println();
            console.println("==============================================================");
            console.println(" Mokmin first start: administrator account created");
            console.println("   username: admin");
            console.println("   password: " + password);
            console.println(" This password is shown only once. Log in at /login.");
            console.println("==============================================================");
            console.println();
            log.info("Admin account created; its generated password was printed to the console once");
        }
    }
}
