package kr.mokmin.complaint.attachment;

import static kr.mokmin.complaint.attachment.AttachmentHttp.part;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.unit.DataSize;

import kr.mokmin.common.ContentStore;
import kr.mokmin.support.Http;
import kr.mokmin.support.IntegrationTest;

/** The per-file limit end to end, with mokmin.attachments.max-size set to 1 KB. */
@TestPropertySource(properties = "mokmin.attachments.max-size=1KB")
class AttachmentSizeLimitTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void multipartLimitFollowsTheAttachmentSetting() {
        assertThat(environment.getProperty("spring.servlet.multipart.max-file-size", DataSize.class))
                .isEqualTo(DataSize.ofKilobytes(1));
        assertThat(environment.getProperty("spring.servlet.multipart.max-request-size", DataSize.class))
                .isEqualTo(DataSize.ofMegabytes(25));
    }

    @Test
    void exactlyTheLimitIsAcceptedOneByteMoreIs413() throws IOException {
        var c = file();
        var atLimit = AttachmentHttp.upload(attachmentsUrl(c.get("receiptNo")), ADMIN_TOKEN, null,
                part("1kb.txt", "text/plain", text(1024)));
        assertThat(atLimit.status()).as(atLimit.text()).isEqualTo(201);

        var over = AttachmentHttp.upload(attachmentsUrl(c.get("receiptNo")), null, c.get("citizenToken"),
                part("1kb-and-a-byte.txt", "text/plain", text(1025)));
        assertThat(over.status()).as(over.text()).isEqualTo(413);
        assertThat(over.header("Content-Type")).startsWith("application/problem+json");
        assertThat(over.json().get("type").asString()).isEqualTo("/problems/payload-too-large");

        assertThat(AttachmentHttp.get(attachmentsUrl(c.get("receiptNo")), ADMIN_TOKEN, null).json().size())
                .isEqualTo(1);
        assertThat(temporaryFiles()).isEmpty();
    }

    /**
     * A body far beyond Tomcat's max-swallow-size: the server answers 413 and may then close the connection
     * while the client is still sending, which the client sees as a reset. Either way nothing is stored and the
     * server keeps serving.
     */
    @Test
    void aHugeUploadIsRefusedOrCutOff() throws IOException {
        var c = file();
        byte[] big = text(3 * 1024 * 1024);
        try {
            var r = AttachmentHttp.sendChecked(AttachmentHttp.auth(AttachmentHttp.upload(
                    attachmentsUrl(c.get("receiptNo")), List.of(part("big.txt", "text/plain", big))), ADMIN_TOKEN,
                    null));
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        } catch (IOException connectionClosedWhileSending) {
            // acceptable: Tomcat stops reading an oversized body
        }
        assertThat(AttachmentHttp.get(attachmentsUrl(c.get("receiptNo")), ADMIN_TOKEN, null).json().size()).isZero();
        assertThat(temporaryFiles()).isEmpty();
    }

    private Map<String, String> file() {
        var r = Http.postJson(url("/api/v1/complaints"),
                Http.json(Map.of("title", "용량 제한 시험", "body", "첨부파일 용량 제한을 시험합니다.")), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return Map.of("receiptNo", r.json().get("receiptNo").asString(),
                "citizenToken", r.json().get("citizenToken").asString());
    }

    private String attachmentsUrl(String receiptNo) {
        return url("/api/v1/complaints/" + receiptNo + "/attachments");
    }

    private static byte[] text(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'a');
        byte[] line = "민원\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(line, 0, b, 0, line.length);
        return b;
    }

    private List<Path> temporaryFiles() throws IOException {
        Path tmp = dataDir().resolve("attachments").resolve(ContentStore.TEMP_DIR);
        try (Stream<Path> s = Files.list(tmp)) {
            return s.toList();
        }
    }
}
