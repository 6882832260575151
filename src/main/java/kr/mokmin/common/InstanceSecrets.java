package kr.mokmin.common;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Random secrets generated once per installation and kept in the database (so every node shares them). */
@Component
public class InstanceSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ConcurrentMap<String, byte[]> cache = new ConcurrentHashMap<>();

    public InstanceSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] secret(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        String key = "secret." + name;
        var existing = jdbc.sql("SELECT setting_value FROM app_setting WHERE setting_key = ?").param(key)
                .query(String.class).optional();
        if (existing.isPresent()) {
            return Base64.getDecoder().decode(existing.get());
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        try {
            jdbc.sql("INSERT INTO app_setting (setting_key, setting_value) VALUES (?, ?)")
                    .params(key, Base64.getEncoder().encodeToString(fresh)).update();
            return fresh;
        } catch (DuplicateKeyException raced) {
            // Another node created it first; use theirs.
            return Base64.getDecoder().decode(jdbc.sql("SELECT setting_value FROM app_setting WHERE setting_key = ?")
                    .param(key).query(String.class).single());
        }
    }

    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
