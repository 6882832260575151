package kr.mokmin.complaint.open311;

import static kr.mokmin.complaint.open311.Open311Client.form;
import static kr.mokmin.complaint.open311.Open311Client.get;
import static kr.mokmin.complaint.open311.Open311Client.jsonError;
import static kr.mokmin.complaint.open311.Open311Client.postForm;
import static kr.mokmin.complaint.open311.Open311Client.q;
import static kr.mokmin.complaint.open311.Open311Client.xmlError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.util.unit.DataSize;

import kr.mokmin.MokminProperties;

import kr.mokmin.account.AccountService;
import kr.mokmin.account.Actor;
import kr.mokmin.account.CredentialKind;
import kr.mokmin.support.IntegrationTest;
import kr.mokmin.web.RateLimiter;

/** Callers without a valid api_key share a per-address budget; keyed clients are not limited. */
class Open311RateLimitTest extends IntegrationTest {

    private static final int BURST = 3;

    /**
     * A real limiter with a tight budget (the base class's dynamic properties lift the configured one for all
     * other tests, and dynamic properties cannot be overridden by a subclass).
     */
    @TestBean
    RateLimiter rateLimiter;

    static RateLimiter rateLimiter() {
        return new RateLimiter(new MokminProperties(null, null, "Asia/Seoul",
                new MokminProperties.Intake(1, BURST, DataSize.ofMegabytes(1)), null, null, null, null, null, null));
    }

    @Autowired
    AccountService accounts;

    @Test
    void anonymousCallersGet429InTheOpen311ErrorFormat() {
        String key = accounts.issueCredential("admin", CredentialKind.OPEN311, "open311-rate-test", Actor.SYSTEM);
        for (int i = 0; i < BURST; i++) {
            assertThat(get(url("/open311/v2/services.json")).status()).isEqualTo(200);
        }
        jsonError(get(url("/open311/v2/services.json")), 429);
        xmlError(get(url("/open311/v2/tokens/abc.xml")), 429);
        // Guessing keys is throttled as well.
        jsonError(get(url("/open311/v2/requests.json?api_key=guess-0000000000000")), 429);

        // A client with a valid key is not limited.
        assertThat(get(url("/open311/v2/services.json?api_key=" + q(key))).status()).isEqualTo(200);
        for (int i = 0; i < BURST + 2; i++) {
            var r = postForm(url("/open311/v2/requests.json"), form("api_key", key, "service_code", "POTHOLE",
                    "address_string", "파주시 교하로 " + i, "description", "도로 파손 " + i));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }
}
