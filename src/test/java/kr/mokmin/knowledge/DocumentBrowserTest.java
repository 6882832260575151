package kr.mokmin.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import kr.mokmin.knowledge.parse.TestDocuments;
import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchQuery;
import kr.mokmin.support.Browser;

/**
 * In a real browser: the admin uploads an HWP file on the staff documents page, watches the job page until the
 * document is indexed, opens it, and follows a search hit's link to its passage, highlighted in the text.
 */
class DocumentBrowserTest extends KnowledgeTest {

    @TempDir
    Path dir;
    @Autowired
    SearchIndex index;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void adminUploadsADocumentSeesItIndexedAndOpensACitedPassage() throws Exception {
        ChromeDriver driver = browser.driver();
        Path hwp = TestDocuments.hwp(dir, "민원 수수료 조례.hwp");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(url("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/staff"));

        driver.findElement(By.linkText("문서 관리")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        driver.findElement(By.id("file")).sendKeys(hwp.toString());
        new Select(driver.findElement(By.id("kind"))).selectByValue("ORDINANCE");
        new Select(driver.findElement(By.id("audience"))).selectByValue("PUBLIC");
        driver.findElement(By.id("issuer")).sendKeys("파주시");
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();

        // the job page reloads itself until the job is done
        wait.until(ExpectedConditions.urlContains("/staff/documents/jobs/"));
        new WebDriverWait(driver, Duration.ofMinutes(2))
                .until(ExpectedConditions.textToBe(By.id("job-status"), "완료"));
        assertThat(driver.findElement(By.id("job-progress")).getText()).isEqualTo("1 / 1 완료");
        assertThat(driver.findElement(By.id("job-items")).getText()).contains("민원 수수료 조례.hwp", "색인 완료");

        driver.findElement(By.linkText("민원 수수료 조례.hwp")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("doc-text")));
        assertThat(driver.findElement(By.id("doc-title")).getText()).isEqualTo("민원 수수료 조례");
        assertThat(driver.findElement(By.id("doc-status")).getText()).isEqualTo("색인 완료");
        assertThat(driver.findElement(By.id("doc-text")).getText()).contains(TestDocuments.ARTICLE_1);
        String documentId = driver.getCurrentUrl().replaceAll(".*/staff/documents/", "");

        // a search hit links to /staff/documents/{id}?at={startOffset}: that passage is highlighted
        var hit = index.search(SearchQuery.forStaff("제증명 발급 수수료", 10)).stream()
                .filter(h -> h.chunk().documentId().equals(documentId)).findFirst().orElseThrow();
        driver.get(url("/staff/documents/" + documentId + "?at=" + hit.chunk().startOffset()));
        var passage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passage")));
        assertThat(passage.getText()).startsWith("제2조").contains("제증명 발급 수수료");
        assertThat(driver.findElement(By.id("passage-label")).getText()).contains(hit.chunk().locator());
    }
}
