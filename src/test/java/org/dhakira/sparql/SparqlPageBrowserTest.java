package org.dhakira.sparql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.dhakira.TestArchives;
import org.dhakira.server.Archive;
import org.dhakira.server.ArchiveServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The query page in a real browser: Debian's chromium, driven through its chromedriver (both installed by
 * {@code .ci/run}), opens /sparql, clicks gallery examples and sees their results in YASGUI's table, and the
 * page's note when the row cap cut them.
 */
class SparqlPageBrowserTest {

    @TempDir
    static Path dir;

    static Archive archive;
    static ArchiveServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        // A row cap of four: the four reliability grades fit, the twelve (year, type) pairs do not.
        org.dhakira.server.Config plain = TestArchives.config(dir.resolve("archive"));
        archive = Archive.open(new org.dhakira.server.Config(plain.host(), plain.port(), plain.data(), plain.base(), plain.home(), plain.oai(),
                new org.dhakira.server.Config.Sparql(Duration.ofSeconds(30), 4, List.of())));
        archive.loadDemoIfEmpty();
        server = ArchiveServer.start(archive);
        browser = org.dhakira.Browsers.chromium(dir.resolve("profile"), "en");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (archive != null) archive.close();
    }

    @Test
    void aGalleryExampleRunsWithOneClickAndShowsItsRows() {
        browser.get(server.uri() + "sparql?lang=en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector(".CodeMirror")).isEmpty());
        WebElement example = browser.findElement(By.cssSelector("button.example[data-example='documents-by-reliability']"));
        example.click();
        // YASR draws a table of the answer: the four reliability grades of the demo documents.
        wait.until(d -> d.findElements(By.cssSelector(".yasr table tbody tr")).size() >= 4);
        String table = browser.findElement(By.cssSelector(".yasr table")).getText();
        for (String grade : List.of("authentic", "not-verified", "undetermined", "not-authentic")) {
            assertTrue(table.contains(grade), grade + " missing from: " + table);
        }
        assertTrue(browser.findElement(By.id("row-cap-note")).getAttribute("hidden") != null, "no cut, no note");
        String csv = browser.findElement(By.id("csv-link")).getAttribute("href");
        assertTrue(csv.contains("format=csv") && csv.contains("reliability"), csv);
    }

    @Test
    void aCutAnswerShowsTheRowCapNote() {
        browser.get(server.uri() + "sparql?lang=en");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> !d.findElements(By.cssSelector(".CodeMirror")).isEmpty());
        browser.findElement(By.cssSelector("button.example[data-example='documents-by-type-per-year']")).click();
        wait.until(d -> d.findElement(By.id("row-cap-note")).isDisplayed());
        assertTrue(browser.findElement(By.id("row-cap-note")).getText().contains("row cap of 4"));
    }
}
