package kr.mokmin.complaint.open311;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import kr.mokmin.common.InstanceSecrets;

/**
 * Open311 tokens ({@code GET tokens/{token}}): an opaque, stateless value that names one service request.
 * A token is base64url(receipt number ‖ first 16 bytes of HMAC-SHA256(receipt number)), keyed with the
 * installation secret {@code open311-token} (shared by every node through the database). Nothing is stored; a
 * token that was not issued here fails the MAC check and is simply not found. The key is separate from the
 * citizen-token key, so an Open311 token never grants access to attachments.
 */
@Component
class Open311Tokens {

    private static final int MAC_BYTES = 16;
    private static final Pattern RECEIPT_NO = Pattern.compile("[0-9]{4}-[0-9]{6,12}");

    private final InstanceSecrets secrets;

    Open311Tokens(InstanceSecrets secrets) {
        this.secrets = secrets;
    }

    String issue(String receiptNo) {
        byte[] receipt = receiptNo.getBytes(StandardCharsets.US_ASCII);
        byte[] mac = mac(receipt);
        byte[] token = Arrays.copyOf(receipt, receipt.length + MAC_BYTES);
        System.arraycopy(mac, 0, token, receipt.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The receipt number a token names, if the token is one of ours. */
    Optional<String> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (raw.length <= MAC_BYTES) {
            return Optional.empty();
        }
        byte[] receipt = Arrays.copyOf(raw, raw.length - MAC_BYTES);
        byte[] given = Arrays.copyOfRange(raw, raw.length - MAC_BYTES, raw.length);
        byte[] expected = Arrays.copyOf(mac(receipt), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, given)) {
            return Optional.empty();
        }
        String receiptNo = new String(receipt, StandardCharsets.US_ASCII);
        return RECEIPT_NO.matcher(receiptNo).matches() ? Optional.of(receiptNo) : Optional.empty();
    }

    private byte[] mac(byte[] receipt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.secret("open311-token"), "HmacSHA256"));
            return mac.doFinal(receipt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
