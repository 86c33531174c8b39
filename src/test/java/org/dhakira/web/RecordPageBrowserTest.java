package org.dhakira.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dhakira.Browsers;
import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A document page in a real browser (Debian's chromium, asking for Arabic): what a reader sees — the title, the
 * page right to left, the basic information with its labels and values — and that a link to an organisation
 * leads to its page; a hostile title runs nothing.
 */
class RecordPageBrowserTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static WebDriver browser;

    static final String SEED = "document/coalition-amnesty-saydnaya-2017-02-07";

    @BeforeAll
    static void start() throws Exception {
        archive = Archive.open(TestArchives.config(dir.resolve("archive")));
        archive.loadDemoIfEmpty();
        TestArchives.load(archive.store(), new ObjectMapper().writeValueAsString(Map.of("id", "document/hostile", "kind", "document",
                "type", "leaflet", "reliability", "undetermined", "title", Map.of("en", "<script>alert(1)</script>", "ar", "</script><script>alert(2)</script>"),
                "body", Map.of("en", "<img src=x onerror=alert(3)>"))) + "\n");
        server = ArchiveServer.start(archive);
        browser = Browsers.chromium(dir.resolve("profile"), "ar");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (archive != null) archive.close();
    }

    static WebElement field(String key) {
        return browser.findElement(By.cssSelector(".basic-information [data-field=" + key + "]"));
    }

    @Test
    void aReaderSeesTheDocumentRightToLeftWithItsBasicInformation() {
        browser.get(server.uri() + "doc/" + SEED);
        WebElement h1 = browser.findElement(By.tagName("h1"));
        assertTrue(h1.isDisplayed());
        assertEquals("«المسلخ البشري» على طاولة مجلس الأمن والمجتمع الدولي", h1.getText());
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("rtl", h1.getCssValue("direction"));
        assertEquals("ltr", browser.findElement(By.cssSelector("article.translation")).getCssValue("direction"));

        WebElement type = field("documentType");
        WebElement label = type.findElement(By.tagName("dt"));
        WebElement value = type.findElement(By.tagName("dd"));
        assertEquals("نوع الوثيقة", label.getText());
        assertEquals("بيان صحفي", value.getText());
        assertTrue(label.getRect().getX() > value.getRect().getX(), "right to left: the label stands to the right of its value");
        assertTrue(field("issued").getText().contains("7 شباط 2017"));
        assertTrue(field("issued").getText().contains("10 جمادى الأولى 1438 هـ"));
        assertEquals("لايوجد معلومات حالية", field("relatedPerson").findElement(By.tagName("dd")).getText());
        assertTrue(field("relatedPerson").findElement(By.cssSelector("dd")).isDisplayed());
        assertEquals("لم يتم التأكد من صحتها", field("reliability").findElement(By.tagName("dd")).getText());
        for (String l : List.of("تاريخ الصدور", "البلد المستهدف", "كود الذاكرة السورية", "كيانات متعلقة", "يوميات مرتبطة")) {
            assertTrue(browser.findElement(By.cssSelector(".basic-information")).getText().contains(l), l);
        }

        field("relatedOrganisation").findElement(By.linkText("منظمة العفو الدولية")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/doc/organisation/amnesty-international"));
        assertEquals("منظمة العفو الدولية", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector(".referrer-list")).getText().contains("«المسلخ البشري» على طاولة مجلس الأمن والمجتمع الدولي"));
    }

    @Test
    void aHostileTitleRunsNothing() {
        browser.get(server.uri() + "doc/document/hostile?lang=en");
        assertEquals("<script>alert(1)</script>", browser.findElement(By.tagName("h1")).getText());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals("<img src=x onerror=alert(3)>", browser.findElement(By.cssSelector("article.version[lang=en] .body")).getText());
    }
}
