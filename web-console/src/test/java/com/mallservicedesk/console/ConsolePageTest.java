package com.mallservicedesk.console;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the console's pages in a headless Chromium ({@link HeadlessConsole}), the console on a random port with
 * the {@code local} profile's sign-in page; each test signs in ({@link #signIn}) and the browser closes after it.
 * Subclasses point the console at their stand-in services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
public abstract class ConsolePageTest {

    @LocalServerPort
    protected int port;

    protected HeadlessConsole console;
    protected WebDriver browser;

    @BeforeAll
    static void needsChromium() {
        HeadlessConsole.assumeChromium();
    }

    @AfterEach
    void closeBrowser() {
        if (console != null) {
            console.close();
        }
    }

    /** Signs in with the sign-in page's button of the development user {@code user}. */
    protected void signIn(String user) {
        console = HeadlessConsole.signedIn(port, user);
        browser = console.browser();
    }
}
