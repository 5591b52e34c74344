// Drives the chat page (web/index.html) in Debian's headless Chromium with playwright-core and prints
// one JSON object on stdout: every check with ok/detail, the screenshots, and any request that tried to
// leave this machine. Exit code 0 when every check passed, 1 otherwise (the JSON is printed either way).
//
//   node tests/web/web_widget.mjs --url 'http://127.0.0.1:8080/?socketUrl=http://127.0.0.1:5005' \
//        --out results/web-widget [--chromium /usr/bin/chromium] [--timeout 30000]
//
// playwright-core comes from web/node_modules (scripts/install-web.sh); no browser is downloaded.
import { createRequire } from "node:module";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(path.join(ROOT, "web", "package.json"));
const { chromium } = require("playwright-core");

const { values: opts } = parseArgs({
  options: {
    url: { type: "string" },
    out: { type: "string", default: path.join(ROOT, "results", "web-widget") },
    chromium: { type: "string", default: "/usr/bin/chromium" },
    timeout: { type: "string", default: "30000" },
    // Words of the Spanish greeting: a browser set to es-ES must be greeted with them.
    "spanish-greeting": { type: "string" },
  },
});
if (!opts.url) {
  console.error("usage: web_widget.mjs --url PAGE_URL [--out DIR] [--chromium PATH] [--timeout MS]");
  process.exit(2);
}
const TIMEOUT = Number(opts.timeout);
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
mkdirSync(opts.out, { recursive: true });

const report = {
  url: opts.url,
  checks: {},
  screenshots: [],
  externalRequests: [],
  localFonts: [],
  blockedByPolicy: [], // what the page's Content-Security-Policy refused (the widget's Google Fonts @import)
  consoleErrors: [],
  pageErrors: [],
  ok: false,
};

const BOT = ".rw-messages-container .rw-response";
const USER = ".rw-messages-container .rw-client";

async function texts(page, selector) {
  return page.locator(selector).allInnerTexts();
}

// Wait until some bot message contains `needle`; the check records what was on screen either way.
async function waitForBot(page, needle) {
  try {
    await page.locator(BOT, { hasText: needle }).first().waitFor({ state: "visible", timeout: TIMEOUT });
    return true;
  } catch {
    return false;
  }
}

async function check(name, page, fn) {
  let ok = false;
  let detail = {};
  try {
    [ok, detail] = await fn();
  } catch (error) {
    detail = { error: String(error && error.message ? error.message : error) };
  }
  detail.botMessages = await texts(page, BOT).catch(() => []);
  detail.userMessages = await texts(page, USER).catch(() => []);
  report.checks[name] = { ok, ...detail };
  if (!ok) {
    const file = path.join(opts.out, `failed-${name}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    report.screenshots.push(file);
    throw new Error(`check ${name} failed`);
  }
}

async function screenshot(page, name) {
  const file = path.join(opts.out, name);
  await page.screenshot({ path: file, fullPage: true });
  report.screenshots.push(file);
}

async function send(page, message) {
  const input = page.locator(".rw-sender .rw-new-message");
  await input.waitFor({ state: "visible", timeout: TIMEOUT });
  await input.fill(message);
  await input.press("Enter");
}

// A headless Chromium with its own profile, in `locale` (the browser's language).
async function launch(userDataDir, locale) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: opts.chromium,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 800 },
    locale,
  });
  // Nothing may leave this machine: a request to any other host is recorded and refused.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith("http") && !LOCAL_HOSTS.has(url.hostname)) {
      report.externalRequests.push(route.request().url());
      return route.abort();
    }
    if (url.pathname.includes("/@fontsource/inter/files/")) report.localFonts.push(url.pathname);
    return route.continue();
  });
  return context;
}

// A browser set to Spanish: the page sends its language, and the bot greets in Spanish.
async function checkSpanishBrowser() {
  const spanishDir = mkdtempSync(path.join(tmpdir(), "web-widget-es-"));
  const spanish = await launch(spanishDir, "es-ES");
  try {
    const page = spanish.pages()[0] || (await spanish.newPage());
    await page.goto(opts.url, { waitUntil: "load" });
    await check("browser_language_greeting", page, async () => {
      const ok = await waitForBot(page, opts["spanish-greeting"]);
      const placeholder = await page.locator(".rw-sender .rw-new-message").getAttribute("placeholder");
      return [ok, { language: await page.evaluate(() => navigator.language), placeholder }];
    });
    await screenshot(page, "spanish-browser.png");
  } finally {
    await spanish.close().catch(() => {});
    rmSync(spanishDir, { recursive: true, force: true });
  }
}

const userDataDir = mkdtempSync(path.join(tmpdir(), "web-widget-profile-"));
let context;
try {
  context = await launch(userDataDir, "en-US");

  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    if (text.includes("Content Security Policy")) {
      const blocked = (text.match(/'([^']+)'/) || [])[1] || text;
      if (!report.blockedByPolicy.includes(blocked)) report.blockedByPolicy.push(blocked.slice(0, 120));
    } else {
      report.consoleErrors.push(text);
    }
  });
  page.on("pageerror", (error) => report.pageErrors.push(String(error)));

  await page.goto(opts.url, { waitUntil: "load" });

  await check("header", page, async () => {
    const h1 = await page.locator("header h1").innerText();
    const intro = await page.locator("header p").innerText();
    return [/refund assistant/i.test(h1) && /dispute/i.test(intro), { h1, intro }];
  });

  await check("greeting", page, async () => [await waitForBot(page, "I help AliExpress buyers"), {}]);

  await check("contact_now", page, async () => {
    await send(page, "my package never arrived");
    return [await waitForBot(page, "Contact now"), {}];
  });

  await check("walkthrough_button", page, async () => {
    const button = page.locator(".rw-replies .rw-reply", { hasText: "Yes, show me the steps" }).first();
    await button.waitFor({ state: "visible", timeout: TIMEOUT });
    await button.click();
    return [await waitForBot(page, "Step 1 of 5"), {}];
  });
  await screenshot(page, "desktop-conversation.png");

  // Reload: the widget keeps its session id, so the history is back and the bot still knows the step.
  await check("reload_keeps_history", page, async () => {
    await page.reload({ waitUntil: "load" });
    const back = await waitForBot(page, "Step 1 of 5");
    const bot = await texts(page, BOT);
    const user = await texts(page, USER);
    const greetings = bot.filter((t) => t.includes("I help AliExpress buyers")).length;
    const ok =
      back &&
      greetings === 1 &&
      bot.some((t) => t.includes("Contact now")) &&
      user.some((t) => t.includes("my package never arrived"));
    return [ok, { greetings }];
  });

  await check("session_after_reload", page, async () => {
    await send(page, "where was I?");
    return [await waitForBot(page, "You were on step 1 of 5"), {}];
  });
  await screenshot(page, "desktop-after-reload.png");

  // HTML typed by the buyer is shown as text: no element is made from it, no script runs.
  const HOSTILE = '<img src=x onerror="window.__injected=1"><b id="injected">bold</b>';
  await check("html_shown_as_text", page, async () => {
    const before = await page.locator(BOT).count();
    await send(page, HOSTILE);
    const shown = page.locator(USER, { hasText: "onerror" }).last();
    await shown.waitFor({ state: "visible", timeout: TIMEOUT });
    // The bot's answer to it, whatever it is: the widget renders it (markdown) too.
    await page.locator(BOT).nth(before).waitFor({ state: "visible", timeout: TIMEOUT });
    const state = await page.evaluate(() => ({
      injected: window.__injected === 1,
      bold: !!document.querySelector("#injected"),
      images: document.querySelectorAll(".rw-messages-container img[src='x']").length,
    }));
    const text = await shown.innerText();
    return [text.includes("<b id=") && !state.injected && !state.bold && state.images === 0, { text, ...state }];
  });

  // A phone: the same conversation, loaded at 390x844.
  await check("phone_viewport", page, async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: "load" });
    if (!(await waitForBot(page, "You were on step 1 of 5"))) return [false, { error: "history not shown" }];
    await page.waitForTimeout(1000); // let the widget scroll to its last message
    const size = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      bodyScrollWidth: document.body.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      innerWidth: window.innerWidth,
      interLoaded: document.fonts.check('16px "Inter"'),
      widgetWidth: Math.round(document.querySelector(".rw-conversation-container").getBoundingClientRect().width),
      inputVisible: !!document.querySelector(".rw-sender .rw-new-message"),
    }));
    const ok =
      size.scrollWidth <= size.clientWidth &&
      size.bodyScrollWidth <= size.clientWidth &&
      size.widgetWidth <= size.clientWidth &&
      size.inputVisible;
    return [ok, size];
  });
  await screenshot(page, "phone-390x844.png");
  if (opts["spanish-greeting"]) await checkSpanishBrowser();

  report.ok = Object.values(report.checks).every((c) => c.ok) && report.externalRequests.length === 0;
} catch (error) {
  report.error = String(error && error.message ? error.message : error);
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
}

process.stdout.write(JSON.stringify(report, null, 2) + "\n");
process.exit(report.ok ? 0 : 1);
