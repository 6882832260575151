package kr.mokmin.knowledge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.knowledge.KnowledgeTest;
import kr.mokmin.knowledge.parse.TestDocuments;
import kr.mokmin.support.Http;

/** {@code ./mokmin ingest} against the real test server: uploads a folder, waits, reports, sets the exit code. */
class IngestCommandTest extends KnowledgeTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = IngestCommand.run(args, null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFolderIsIngestedFileByFileAndBadFilesAreReported() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("조례"));
        TestDocuments.docx(folder, "수수료 조례.docx");
        Files.createDirectories(folder.resolve("하위"));
        TestDocuments.text(folder.resolve("하위"), "시행규칙.txt");
        TestDocuments.encryptedPdf(folder, "암호.pdf");
        TestDocuments.mislabelled(folder, "가짜.pdf");
        Files.writeString(folder.resolve("목록.xlsx"), "not a document type we read");
        Files.writeString(folder.resolve(".숨김.txt"), "hidden files are left alone");

        Run r = run(folder.toString(), "--kind", "ORDINANCE", "--issuer", "파주시", "--audience", "PUBLIC",
                "--server", url(""), "--token", ADMIN_TOKEN);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("INDEXED  수수료 조례.docx -> ", "INDEXED  하위/시행규칙.txt -> ",
                "FAILED   암호.pdf [ENCRYPTED]", "FAILED   가짜.pdf [EXTENSION_MISMATCH]",
                "SKIPPED  목록.xlsx", "2 indexed, 2 failed, 1 skipped");
        assertThat(r.out()).doesNotContain("숨김");
        String id = r.out().lines().filter(l -> l.contains("수수료 조례.docx")).findFirst().orElseThrow()
                .replaceAll(".*-> ", "").strip();
        var doc = Http.get(url("/api/v1/documents/" + id), null).json();
        assertThat(doc.get("kind").asString()).isEqualTo("ORDINANCE");
        assertThat(doc.get("issuer").asString()).isEqualTo("파주시");
        assertThat(doc.get("status").asString()).isEqualTo("INDEXED");

        Files.delete(folder.resolve("암호.pdf"));
        Files.delete(folder.resolve("가짜.pdf"));
        Run clean = run(folder.toString(), "--server", url(""), "--token", ADMIN_TOKEN);
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).contains("2 indexed, 0 failed, 1 skipped");
    }

    @Test
    void clearMessagesWhenTheServerOrTheTokenIsWrong() throws Exception {
        TestDocuments.text(dir, "a.txt");
        Run unreachable = run(dir.toString(), "--server", "http://127.0.0.1:9", "--token", "x");
        assertThat(unreachable.exit()).isEqualTo(3);
        assertThat(unreachable.err()).contains("cannot reach Mokmin at http://127.0.0.1:9");

        Run badToken = run(dir.toString(), "--server", url(""), "--token", "wrong-token");
        assertThat(badToken.exit()).isEqualTo(3);
        assertThat(badToken.err()).contains("refused the token");

        Run officer = run(dir.toString(), "--server", url(""), "--token", token("cli.officer", "OFFICER",
                "ROAD_MANAGEMENT"));
        assertThat(officer.exit()).isEqualTo(1);
        assertThat(officer.out()).contains("FAILED   a.txt [FORBIDDEN]");

        Run noToken = run(dir.toString(), "--server", url(""));
        assertThat(noToken.exit()).isEqualTo(2);
        assertThat(noToken.err()).contains("an API token is needed", "usage:");
        assertThat(run("--server", url(""), "--token", "t").exit()).isEqualTo(2);
        assertThat(run(dir.toString(), "--colour", "red", "--token", "t").err()).contains("unknown option --colour");
    }
}
