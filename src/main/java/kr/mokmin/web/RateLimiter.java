package kr.mokmin.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import kr.mokmin.MokminProperties;
import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;

/**
 * Token bucket per client address for unauthenticated intake (this bean) and other public endpoints (instances of
 * their own, e.g. search). In-memory: a cluster multiplies the limit by its node count, which is acceptable for
 * abuse protection.
 */
@Component
public class RateLimiter {

    private static final int MAX_CLIENTS = 100_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    public RateLimiter(MokminProperties properties) {
        this(properties.intake().ratePerMinute(), properties.intake().burst(), System::nanoTime);
    }

    /** A limiter of its own, for an endpoint with its own budget (e.g. public search). */
    public RateLimiter(int perMinute, int burst) {
        this(perMinute, burst, System::nanoTime);
    }

    RateLimiter(int perMinute, int burst, LongSupplier nanoTime) {
        this.perNano = perMinute / 60e9;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public boolean tryAcquire(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear(); // bounded memory under an address-spraying attack
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Throws RATE_LIMITED (429) when the client is over its budget. */
    public void check(String client) {
        if (!tryAcquire(client)) {
            throw new MokminException(ProblemKind.RATE_LIMITED, "요청이 너무 많습니다. 잠시 후 다시 시도하세요.");
        }
    }
}
