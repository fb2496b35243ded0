package io.raqib.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.raqib.core.config.RaqibConfig;
import io.raqib.core.json.RaqibJson;
import io.raqib.core.kafka.KafkaClients;
import io.raqib.core.model.Article;
import io.raqib.core.model.VolumeAlert;
import io.raqib.core.model.Watch;
import io.raqib.ingest.IngestService;
import io.raqib.sink.api.AlertConsole;
import io.raqib.sink.api.AlertHistory;
import io.raqib.sink.api.AlertStateApi;
import io.raqib.sink.api.ApiCaller;
import io.raqib.sink.api.HistoryApi;
import io.raqib.sink.api.WatchApi;
import io.raqib.sink.history.AlertHistoryService;
import io.raqib.sink.states.AlertStates;
import io.raqib.sink.watches.RecentArticles;
import io.raqib.sink.watches.WatchAdmission;
import io.raqib.sink.watches.WatchStore;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live console in a real browser (Debian's headless chromium driven by Selenium through its chromedriver)
 * against enrich, sink, the watch API, the console and the article push endpoint on the embedded broker: an
 * analyst logs in with a desk token, writes a watch in the editor (its live preview on a text), an Arabic article
 * pushed by the operator shows as an alert with its disguised word marked, a spike of the watch shows as its own
 * card, another desk's watch and alerts stay out of sight, and at 360 px the page has no horizontal scroll. The
 * recent-articles preview asks the server's last articles where it keeps them, and tests the page's alerts where not.
 * With the alert states and the alert history served, the analyst assigns and acknowledges an alert on its card and
 * finds it by an Arabic word in the history. Screenshots go to {@code target/console-*.png}. Skipped when {@code /usr/bin/chromedriver} is absent.
 */
class ConsoleBrowserIT {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String DESK = "levant-" + RUN;
    private static final String OTHER_DESK = "gulf-" + RUN;
    private static final String ADMIN = "operator-" + RUN;
    private static final String DESK_TOKEN = "levant-token-" + RUN;
    private static final String OTHER_TOKEN = "gulf-token-" + RUN;
    private static final String WATCH_NAME = "مكافحة الإرهاب " + RUN;
    private static final String SECOND_WATCH_NAME = "Terrorism, second watch " + RUN;
    private static final String OTHER_WATCH_NAME = "Gulf shipping " + RUN;
    private static final String DISGUISED = "الإرهـ.ـاب";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStages stages;
    private static IngestService ingest;
    private static WatchStore store;
    private static AlertConsole console;
    private static HttpApi http;
    private static TopicTail<String> tail;
    private static ChromeDriver browser;
    private static String bootstrapServers;
    private static RaqibConfig config;

    @BeforeAll
    static void start() throws Exception {
        if (!browserInstalled()) {
            return;
        }
        config = SharedBroker.config("console-browser");
        bootstrapServers = config.bootstrapServers();
        PrometheusMeterRegistry metrics = Metrics.registry();
        KafkaClients clients = new KafkaClients(config);
        stages = new LocalStages(config, List.of(), metrics, 1);
        ingest = new IngestService(config, Optional.empty(), metrics);
        store = new WatchStore(clients, stages.sink().registry(), new WatchAdmission(config.sink()));
        console = new AlertConsole(store::get, AlertHistory.NONE);
        http = new HttpApi(List.of(ApiTokens.entryFor(ApiCaller.ADMIN, ADMIN),
                ApiTokens.entryFor(ApiCaller.ofDesk(DESK), DESK_TOKEN),
                ApiTokens.entryFor(ApiCaller.ofDesk(OTHER_DESK), OTHER_TOKEN)), metrics,
                List.of(new WatchApi(store, stages.enricher()::enrich), ingest.pushEndpoint(), console),
                config.ingest().pushMaxBytes()).start("127.0.0.1", 0);
        tail = new TopicTail<>(clients, AlertConsole.EVENTS, console::acceptEvent);
        ingest.start();
        stages.start(WAIT);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=en-US");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    /** Each test is reported as skipped, not silently absent, on a machine without the browser. */
    @BeforeEach
    void requireBrowser() {
        assumeTrue(browserInstalled(), "no " + CHROMEDRIVER + " or " + CHROMIUM
                + " (apt-get install chromium chromium-driver)");
    }

    private static boolean browserInstalled() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {browser == null ? null : browser::quit, tail, http, console, store,
                ingest, stages}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aDeskAnalystWritesAWatchSeesItsArabicAlertAndNothingOfAnotherDeskAlsoAt360Pixels() throws Exception {
        // Every query names this run, so other tests' articles on the shared broker raise none of these alerts.
        String otherWatch = createWatch(OTHER_TOKEN, OTHER_WATCH_NAME, "(shipping OR الإرهاب) AND " + RUN);
        browser.get(url("/#token=" + DESK_TOKEN));
        await(d -> d.findElement(By.id("app")).isDisplayed());
        assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").doesNotContain(DESK_TOKEN);

        browser.findElement(By.id("newWatch")).click();
        browser.findElement(By.id("editorName")).sendKeys(WATCH_NAME);
        browser.findElement(By.id("editorQuery")).sendKeys("الإرهاب AND " + RUN);
        browser.findElement(By.id("previewText")).sendKeys("دعوة إلى مكافحة " + DISGUISED + " في المنطقة " + RUN);
        WebElement preview = browser.findElement(By.id("previewResult"));
        await(d -> preview.getText().startsWith("Matches"));
        assertThat(preview.findElement(By.tagName("mark")).getText()).isEqualTo(DISGUISED);
        browser.findElement(By.id("editorSave")).click();
        // Listed at once, not at the next poll.
        await(d -> sidebar().contains(WATCH_NAME));
        Watch mine = store.list(DESK).stream().filter(w -> w.name().equals(WATCH_NAME)).findFirst().orElseThrow();

        createWatch(DESK_TOKEN, SECOND_WATCH_NAME, "الإرهاب AND " + RUN);
        String title = "اجتماع وزراء الداخلية العرب " + RUN;
        pushArticle(title, "أكد الوزراء في بيانهم الختامي ضرورة مكافحة " + DISGUISED + " وتجفيف منابع تمويله "
                + "وتعزيز التعاون الأمني بين الدول العربية في مواجهة التطرف.");
        pushArticle("Shipping lanes reopen " + RUN, "Gulf shipping resumed on Monday after a week of disruption at "
                + "the ports, operators said in a statement.");
        // Both of the desk's watches fire on each article: one story, one card, the second alert folded under it.
        WebElement card = await(d -> storyOfTwo(d, title));
        assertThat(card.findElement(By.cssSelector("details.later summary")).getText())
                .isEqualTo("1 later alert in this story");
        assertThat(browser.findElements(By.cssSelector("#alerts .card.alert")).stream()
                .filter(c -> c.getText().contains(title)).count()).as("cards of the story").isEqualTo(1);
        assertThat(card.findElement(By.cssSelector(".fragment mark")).getText()).isEqualTo(DISGUISED);
        assertThat(card.findElement(By.cssSelector(".meta .time")).getAttribute("dir")).isEqualTo("ltr");
        assertThat(card.findElements(By.cssSelector(".meta .watch bdi"))).extracting(WebElement::getText)
                .containsAnyOf(WATCH_NAME, SECOND_WATCH_NAME);

        pushArticle(null, "بيان جديد عن مكافحة " + DISGUISED + " صدر اليوم عن مجلس الأمن الدولي " + RUN);
        pushArticle("مؤتمر دولي عن الإرهاب " + RUN, "انعقد المؤتمر في القاهرة بحضور خبراء من عشرين دولة");
        WebElement untitled = await(d -> storyOfTwo(d, "(untitled) — example.org"));
        assertThat(untitled.findElement(By.cssSelector(".fragment mark")).getText()).isEqualTo(DISGUISED);
        WebElement titleOnly = await(d -> storyOfTwo(d, "مؤتمر دولي عن الإرهاب " + RUN));
        assertThat(titleOnly.findElements(By.cssSelector(".fragment"))).as("no passage repeating the title").isEmpty();

        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        console.accept(spike("own-" + RUN, mine.id(), WATCH_NAME, hour));
        console.accept(spike("other-" + RUN, otherWatch, OTHER_WATCH_NAME, hour));
        await(d -> text("#alerts").contains("Volume spike: " + WATCH_NAME + " — 42 alerts this hour, usual 6"));
        // A source's silence through raqib.alerts and the console's tail, as the services feed it; every desk sees it.
        String source = "sana-" + RUN + ".sy";
        KafkaTestClients.send(bootstrapServers, AlertConsole.EVENTS, VolumeAlert.SOURCE_SUBJECT + source,
                RaqibJson.write(VolumeAlert.of(VolumeAlert.SILENCE, "silence-" + RUN, VolumeAlert.SOURCE_SUBJECT
                        + source, Instant.now(), new VolumeAlert.Data("source", null, null, source, null, null, null,
                        null, Instant.now().minusSeconds(10800), "PT20M", "PT3H"))));
        await(d -> text("#alerts").contains("Source silent: " + source
                + " — nothing for 3 h, usually every 20 min"));
        alertCard(browser, title).findElement(By.cssSelector("details.later summary")).click();
        assertThat(alertCard(browser, title).findElement(By.cssSelector("details.later li")).getText())
                .contains(title);
        screenshot("desktop");

        browser.findElements(By.cssSelector("#watches li")).stream().filter(li -> li.getText().contains(WATCH_NAME))
                .findFirst().orElseThrow().findElement(By.cssSelector("button.edit")).click();
        assertThat(browser.findElement(By.id("editorName")).getAttribute("value")).isEqualTo(WATCH_NAME);
        browser.findElement(By.id("previewRecent")).click();
        // The three articles above, and not the other test's English one when it ran first.
        await(d -> text("#recentResult").startsWith("Matches 3 of "));
        assertThat(text("#recentHint")).as("no test-recent endpoint here").endsWith("testing the alerts on this page");
        assertThat(browser.findElements(By.cssSelector("#recentResult mark"))).extracting(WebElement::getText)
                .contains(DISGUISED);
        screenshot("editor");
        browser.findElement(By.id("editorCancel")).click();

        assertThat(browser.findElement(By.id("historyToggle")).isDisplayed()).as("no history endpoint").isFalse();
        assertThat(browser.findElements(By.cssSelector("#alerts button.ack"))).as("no alert states").isEmpty();
        watchItem(WATCH_NAME).findElement(By.cssSelector("button.mute")).click();
        await(d -> watchItem(WATCH_NAME).getText().contains("muted until"));
        assertThat(watchItem(WATCH_NAME).findElement(By.cssSelector("button.mute")).getText()).isEqualTo("Unmute");
        assertThat(store.get(mine.id()).mutedUntil()).as("stored on raqib.watches").isAfter(Instant.now());
        watchItem(WATCH_NAME).findElement(By.cssSelector("button.mute")).click();
        await(d -> watchItem(WATCH_NAME).findElement(By.cssSelector("button.mute")).getText().equals("Mute 2 h"));
        assertThat(sidebar()).doesNotContain(OTHER_WATCH_NAME);
        assertThat(text("#alerts")).doesNotContain(OTHER_WATCH_NAME).doesNotContain("Shipping lanes reopen " + RUN);
        browser.findElement(By.id("filter")).sendKeys("no-such-thing-" + RUN);
        await(d -> d.findElement(By.id("noMatch")).isDisplayed());
        assertThat(text("#noMatch")).startsWith("No alerts match");

        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 780,
                "deviceScaleFactor", 1, "mobile", true));
        browser.navigate().refresh();
        await(d -> !d.findElements(By.cssSelector("#alerts .card.alert")).isEmpty());
        assertThat(browser.findElement(By.id("watchPanel")).getAttribute("open")).as("watches folded").isNull();
        List<?> widths = (List<?>) ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(1)).intValue()).as("viewport").isEqualTo(360);
        assertThat(((Number) widths.get(0)).intValue()).as("page width: no horizontal scroll").isLessThanOrEqualTo(360);
        screenshot("360px");
    }

    @Test
    void aDeskAssignsAndAcknowledgesAnAlertAndFindsItInTheAlertHistory(@TempDir Path historyDir) throws Exception {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        String word = "sorghum" + RUN.replaceAll("[^a-z]", "");
        createWatch(DESK_TOKEN, "States " + RUN, word);
        KafkaClients clients = new KafkaClients(config);
        // A console and a tail of their own: a live stream cut off when this server stops must not stay on the
        // shared one.
        try (AlertConsole ownConsole = new AlertConsole(store::get, AlertHistory.NONE);
             AlertStates states = new AlertStates(clients, ownConsole::acceptState).start();
             AlertHistoryService history = new AlertHistoryService(clients, historyDir, Duration.ofDays(1),
                     store::get).start();
             HttpApi withStates = new HttpApi(List.of(ApiTokens.entryFor(ApiCaller.ofDesk(DESK), DESK_TOKEN)),
                     Metrics.registry(), List.of(new WatchApi(store, stages.enricher()::enrich), ownConsole,
                     new AlertStateApi(store::get, List.of(ownConsole::subjectOf, history.index()::subjectOf),
                             states),
                     new HistoryApi(history.index()))).start("127.0.0.1", 0);
             TopicTail<String> ownTail = new TopicTail<>(clients, AlertConsole.EVENTS, ownConsole::acceptEvent)) {
            await(d -> states.health().ready() && history.health().ready());
            String title = "سوريا: محصول " + word + " " + RUN;
            pushArticle(title, "Farmers in the north harvested the " + word + " crop early this year.");
            browser.get("http://127.0.0.1:" + withStates.port() + "/#token=" + DESK_TOKEN);
            await(d -> alertCard(d, title) != null);
            assertThat(alertCard(browser, title).findElement(By.cssSelector(".status")).getText()).isEqualTo("open");
            alertCard(browser, title).findElement(By.cssSelector(".state input")).sendKeys("mona", Keys.TAB);
            // The card is drawn again with the state the server stored: find the input anew.
            await(d -> alertCard(d, title).findElement(By.cssSelector(".state input")).getAttribute("value")
                    .equals("mona") && states.size() > 0);
            alertCard(browser, title).findElement(By.cssSelector("button.ack")).click();
            await(d -> alertCard(d, title).findElement(By.cssSelector(".status")).getText().equals("acknowledged"));

            browser.findElement(By.id("historyToggle")).click();
            browser.findElement(By.id("historyQ")).sendKeys("سوريا " + word);
            browser.findElement(By.cssSelector("#history button[type=submit]")).click();
            await(d -> text("#historyInfo").equals("1 alert, page 1 of 1"));
            assertThat(text("#historyResults")).contains(title);
            screenshot("states-history");

            JsonNode page = RaqibJson.mapper().readTree(get(withStates.port(), "/api/alerts/history?q=" + word));
            assertThat(page.path("total").asInt()).isEqualTo(1);
            String alertId = page.path("alerts").path(0).path("id").asText();
            JsonNode state = RaqibJson.mapper().readTree(get(withStates.port(), "/api/alerts/states?ids=" + alertId))
                    .path(alertId);
            assertThat(state.path("status").asText()).as("stored on raqib.alert.states").isEqualTo("acknowledged");
            assertThat(state.path("assignee").asText()).isEqualTo("mona");
            assertThat(state.path("updatedBy").asText()).isEqualTo(DESK);
        }
    }

    @Test
    void theRecentArticlesPreviewTestsTheServersLastArticlesNewestFirst() throws Exception {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        String word = "teff" + RUN.replaceAll("[^a-z]", "");
        String name = "Recent " + RUN;
        // A console of its own: a live stream cut off when this server stops must not stay on the shared one.
        try (RecentArticles recent = new RecentArticles(new KafkaClients(config), config.sink().watchLimits())
                .start();
             AlertConsole ownConsole = new AlertConsole(store::get, AlertHistory.NONE);
             HttpApi withRecent = new HttpApi(List.of(ApiTokens.entryFor(ApiCaller.ofDesk(DESK), DESK_TOKEN)),
                     Metrics.registry(), List.of(new WatchApi(store, stages.enricher()::enrich, recent), ownConsole))
                     .start("127.0.0.1", 0)) {
            await(d -> recent.health().ready());
            pushArticle("Older " + word + " harvest <b>" + RUN + "</b>", "The " + word + " crop came in late.");
            await(d -> recent.test(new Watch("probe", "probe", word, null, null, List.of(), null, null), 50)
                    .matched() == 1);
            pushArticle("Newer " + word + " prices " + RUN, "Prices of " + word + " rose again this week.");
            await(d -> recent.test(new Watch("probe", "probe", word, null, null, List.of(), null, null), 50)
                    .matched() == 2);
            createWatch(DESK_TOKEN, name, word);
            browser.get("http://127.0.0.1:" + withRecent.port() + "/#token=" + DESK_TOKEN);
            await(d -> sidebar().contains(name));
            browser.findElements(By.cssSelector("#watches li")).stream().filter(li -> li.getText().contains(name))
                    .findFirst().orElseThrow().findElement(By.cssSelector("button.edit")).click();
            // One click: the server has both articles, and a click while an answer is on its way starts over.
            browser.findElement(By.id("previewRecent")).click();
            await(d -> text("#recentResult").startsWith("Matches 2 of "));
            List<WebElement> listed = browser.findElements(By.cssSelector("#recentResult li"));
            assertThat(listed).extracting(WebElement::getText).satisfiesExactly(
                    newer -> assertThat(newer).startsWith("Newer " + word),
                    older -> assertThat(older).startsWith("Older " + word + " harvest <b>" + RUN + "</b>"));
            assertThat(browser.findElements(By.cssSelector("#recentResult li b"))).as("markup shown as text").isEmpty();
            assertThat(listed.get(0).findElement(By.cssSelector("strong mark")).getText()).isEqualTo(word);
            assertThat(listed.get(0).findElement(By.cssSelector(".fragment mark")).getText()).isEqualTo(word);
            assertThat(text("#recentHint")).isEqualTo("the last articles this server has read");
            screenshot("recent");
        }
    }

    /** The alert card showing {@code text}, or null when there is none yet. */
    private static WebElement alertCard(WebDriver driver, String text) {
        return driver.findElements(By.cssSelector("#alerts .card.alert")).stream()
                .filter(c -> c.getText().contains(text)).findFirst().orElse(null);
    }

    /** The card showing {@code text} once both of the desk's watches have alerted on its story, or null. */
    private static WebElement storyOfTwo(WebDriver driver, String text) {
        WebElement card = alertCard(driver, text);
        return card != null && card.getText().contains("2 alerts in this story") ? card : null;
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + http.port() + path;
    }

    private static WebElement watchItem(String name) {
        return browser.findElements(By.cssSelector("#watches li")).stream().filter(li -> li.getText().contains(name))
                .findFirst().orElseThrow();
    }

    private static String sidebar() {
        return text("#watches");
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static <T> T await(Function<WebDriver, T> condition) {
        // Cards are drawn anew when an alert of their story or a state arrives: look again rather than fail.
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Path.of("target", "console-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static VolumeAlert spike(String id, String watchId, String watchName, Instant hour) {
        return VolumeAlert.of(VolumeAlert.SPIKE, id, watchId, Instant.now(), new VolumeAlert.Data("watch", watchId,
                watchName, null, hour, hour.plusSeconds(3600), 42L, 6.0, null, null, null));
    }

    private static String createWatch(String token, String name, String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/watches")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RaqibJson.write(Map.of("name", name, "query", query))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RaqibJson.mapper().readTree(r.body()).path("id").asText();
    }

    private static String get(int port, String pathAndQuery) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + pathAndQuery)).header("Authorization", "Bearer " + DESK_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static void pushArticle(String title, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/articles")))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RaqibJson.write(new Article(null,
                        "https://example.org/" + UUID.randomUUID(), "example.org", title, body, null, null, null, null,
                        null, null)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
}
