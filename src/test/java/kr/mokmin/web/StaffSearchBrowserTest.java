package kr.mokmin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchTestCorpus;
import kr.mokmin.support.Browser;
import kr.mokmin.support.IntegrationTest;

/**
 * The staff search page in a real browser: the admin signs in, opens 자료 검색 from the menu, searches
 * "불법주차 과태료" over the test corpus and sees the internal guideline first with its locator and highlighted
 * words, then narrows to public documents and gets the 파주시 rule on 주정차위반 과태료. Leaves a screenshot at
 * /tmp/mokmin-search.png.
 */
class StaffSearchBrowserTest extends IntegrationTest {

    private static final Path SCREENSHOT = Path.of("/tmp/mokmin-search.png");

    @Autowired
    SearchIndex index;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeEach
    void corpus() {
        SearchTestCorpus.load(index);
    }

    @Test
    void staffSearchKoreanAndSeeTheArticleWithItsLocatorAndHighlights() throws IOException {
        ChromeDriver driver = browser.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));

        driver.findElement(By.linkText("자료 검색")).click();
        WebElement q = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        q.sendKeys("불법주차 과태료");
        driver.findElement(By.cssSelector("form.search-form button[type=submit]")).click();

        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hit-1")));
        assertThat(driver.getCurrentUrl()).contains("/staff/search?", "q=");
        assertThat(first.findElement(By.cssSelector(".hit-title")).getText()).isEqualTo("불법 주정차 단속 업무 지침");
        assertThat(first.findElement(By.cssSelector(".locator")).getText())
                .isEqualTo(SearchTestCorpus.INTERNAL_GUIDE_LOCATOR);
        assertThat(first.findElement(By.cssSelector(".badge.kind")).getText()).isEqualTo("지침");
        assertThat(first.findElement(By.cssSelector(".internal-flag")).getText()).isEqualTo("내부");
        List<String> marked = first.findElements(By.cssSelector(".snippet mark")).stream().map(WebElement::getText)
                .toList();
        assertThat(marked).contains("과태료").allSatisfy(m -> assertThat(m).matches("불법|주차|불법주차|과태료"));
        // everything not marked is plain text in the snippet: no other element inside it
        assertThat(first.findElements(By.cssSelector(".snippet *:not(mark)"))).isEmpty();
        assertThat(first.findElement(By.cssSelector(".hit-title a")).getAttribute("href"))
                .endsWith("/staff/documents/" + SearchTestCorpus.INTERNAL_GUIDE + "?at=1200");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        // the query and filters stay in the form; narrowing to public documents drops the guideline
        assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("불법주차 과태료");
        new Select(driver.findElement(By.id("audience"))).selectByValue("PUBLIC");
        driver.findElement(By.cssSelector("form.search-form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("audience=PUBLIC"));
        WebElement publicFirst = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hit-1")));
        assertThat(publicFirst.findElement(By.cssSelector(".hit-title")).getText())
                .startsWith("파주시 주정차위반 의견진술심의위원회 구성 및 운영 규칙");
        assertThat(publicFirst.findElement(By.cssSelector(".locator")).getText()).matches("제\\d+조");
        assertThat(publicFirst.findElement(By.cssSelector(".badge.kind")).getText()).isEqualTo("규칙");
        assertThat(publicFirst.findElements(By.cssSelector(".snippet mark")).stream().map(WebElement::getText))
                .contains("과태료");
        assertThat(driver.findElements(By.cssSelector(".internal-flag"))).isEmpty();
        assertThat(new Select(driver.findElement(By.id("audience"))).getFirstSelectedOption().getText())
                .isEqualTo("공개");
    }
}
