package kr.mokmin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

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

import kr.mokmin.complaint.ComplaintService;
import kr.mokmin.complaint.ComplaintStatus;
import kr.mokmin.support.Browser;
import kr.mokmin.support.IntegrationTest;

/**
 * One end-to-end run in a real browser (Debian's chromium and chromium-driver, headless): a citizen files a
 * complaint through the form, the admin logs in, finds it in the queue and assigns it to a department.
 * Leaves a screenshot of the queue at /tmp/mokmin-queue.png.
 */
class StaffQueueBrowserTest extends IntegrationTest {

    private static final Path SCREENSHOT = Path.of("/tmp/mokmin-queue.png");

    @Autowired
    ComplaintService complaints;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void citizenFilesComplaintAndAdminAssignsItFromTheQueue() throws IOException {
        ChromeDriver driver = browser.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        // The citizen files a complaint through the form.
        driver.get(url("/"));
        assertThat(driver.findElement(By.cssSelector(".brand-city")).getText()).isEqualTo("파주시 민원 포털");
        // The stylesheet loads under the page's Content-Security-Policy.
        assertThat(driver.findElement(By.cssSelector(".site-header")).getCssValue("background-color"))
                .isEqualTo("rgba(11, 79, 138, 1)");
        driver.findElement(By.linkText("민원 신청")).click();
        wait.until(ExpectedConditions.urlContains("/minwon/new"));
        new Select(driver.findElement(By.id("serviceCode"))).selectByValue("STREETLIGHT");
        driver.findElement(By.id("title")).sendKeys("교하동 가로등이 꺼져 있습니다");
        driver.findElement(By.id("body")).sendKeys("교하동 주민센터 앞 가로등 두 개가 사흘째 꺼져 있어 밤길이 어둡습니다.");
        driver.findElement(By.id("name")).sendKeys("이시민");
        driver.findElement(By.id("phone")).sendKeys("010-3456-7890");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        WebElement receipt = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-no")));
        String receiptNo = receipt.getText();
        assertThat(receiptNo).matches("\\d{4}-\\d{6}");
        assertThat(driver.findElement(By.id("due-at")).getText())
                .matches("\\d{4}년 \\d{1,2}월 \\d{1,2}일 \\([월화수목금토일]\\) \\d{2}:\\d{2}");

        // The admin logs in and finds it in the queue.
        driver.findElement(By.linkText("담당자 로그인")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
        assertThat(driver.getCurrentUrl()).contains("/staff");
        WebElement row = driver.findElement(By.xpath("//table[@id='queue']//tr[td/a[text()='" + receiptNo + "']]"));
        // Triage routed it at intake: the citizen chose 가로등 고장, whose department is 도로관리과.
        assertThat(row.getText()).contains("교하동 가로등이 꺼져 있습니다", "분류", "도로관리과");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

        // It opens the complaint: the AI triage is shown as a suggestion, then the admin confirms the department.
        row.findElement(By.linkText(receiptNo)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("complaint-body")));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("분류");
        assertThat(driver.getPageSource()).contains("010-3456-7890");
        assertThat(driver.findElement(By.id("triage-departments")).getText()).startsWith("도로관리과")
                .contains("신청 민원 종류");
        assertThat(driver.findElement(By.id("triage-summary")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("triage-type")).getText()).isNotBlank();
        WebElement form = driver.findElement(By.id("transition-ASSIGNED"));
        form.findElement(By.xpath("./preceding-sibling::summary")).click();
        Select department = new Select(wait.until(ExpectedConditions.elementToBeClickable(
                By.id("dept-ASSIGNED"))));
        assertThat(department.getFirstSelectedOption().getAttribute("value")).isEqualTo("ROAD_MANAGEMENT");
        department.selectByValue("ROAD_MANAGEMENT");
        form.findElement(By.name("note")).sendKeys("가로등 담당에게 배정");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBe(By.id("status"), "배정"));
        assertThat(driver.findElement(By.id("department")).getText()).isEqualTo("도로관리과");
        assertThat(driver.findElement(By.cssSelector(".alert.info")).getText())
                .contains(receiptNo, "배정 상태로 변경했습니다", "도로관리과");
        assertThat(driver.findElement(By.id("history")).getText()).contains("접수 → 분류", "mokmin-triage", "분류 → 배정", "admin",
                "가로등 담당에게 배정");
        assertThat(complaints.find(receiptNo).status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(complaints.find(receiptNo).departmentCode()).isEqualTo("ROAD_MANAGEMENT");
    }
}
