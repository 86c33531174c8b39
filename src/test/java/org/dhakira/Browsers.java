package org.dhakira;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A real browser for the page tests: Debian's headless chromium through its chromedriver (.ci/run installs both). */
public final class Browsers {
    private Browsers() {}

    /** Chromium with a fresh profile in {@code profile}, asking for pages in {@code language} (Accept-Language). */
    public static WebDriver chromium(Path profile, String language) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver()).toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(binary())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--user-data-dir=" + profile, "--lang=" + language, "--window-size=1280,1024");
        // Headless chromium sends Accept-Language from this preference, not from --lang.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        return new ChromeDriver(service, options);
    }

    static String driver() {
        return List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver").stream().filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElseThrow(() -> new IllegalStateException("chromedriver is missing: apt-get install chromium-driver (.ci/run does)"));
    }

    static String binary() {
        return List.of("/usr/lib/chromium/chromium", "/usr/bin/chromium").stream().filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElseThrow(() -> new IllegalStateException("chromium is missing: apt-get install chromium (.ci/run does)"));
    }
}
