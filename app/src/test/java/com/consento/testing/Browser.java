package com.consento.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium (Debian's chromium + chromium-driver) for page tests. Without a browser the test is
 * skipped on a developer's machine and fails in CI ({@code CI=true}), where .ci/run installs one.
 */
public final class Browser {
    private Browser() {
    }

    /** A fresh browser with a phone-sized window (360 × 800), as most shoppers see the pages. */
    public static WebDriver phone() {
        return open(360, 800);
    }

    public static WebDriver desktop() {
        return open(1280, 900);
    }

    public static WebDriver open(int width, int height) {
        String chromium = System.getenv().getOrDefault("CONSENTO_CHROMIUM", "/usr/bin/chromium");
        String driver = System.getenv().getOrDefault("CONSENTO_CHROMEDRIVER", "/usr/bin/chromedriver");
        boolean present = Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(driver));
        if (!TestDatabase.CI) {
            Assumptions.assumeTrue(present, "headless Chromium not installed (apt-get install chromium chromium-driver)");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--user-data-dir=" + Files.createTempDirectory("chromium-"),
                    "--window-size=" + width + "," + height, "--lang=zh-CN");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver).toFile())
                    .usingAnyFreePort().build();
            WebDriver web = new ChromeDriver(service, options);
            web.manage().window().setSize(new Dimension(width, height));
            web.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return web;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves a screenshot (e.g. under docs/) for people to look at. */
    public static void screenshot(WebDriver web, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((org.openqa.selenium.TakesScreenshot) web).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
