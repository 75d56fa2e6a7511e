// Checks exported pages in one headless Chromium session:
//  - axe-core (WCAG 2.1 A and AA rules) on every page, in normal and 适老化 (large-text) mode;
//  - what the page scripts do: the large-text toggle remembered across pages, the
//    listing filters, the bigram search.
// Usage: node browser_checks.js CONFIG.json  → prints a JSON report on stdout.
"use strict";
const fs = require("fs");
const path = require("path");

const tools = process.env.STUDIO_WEB_TOOLS;
const { chromium } = require(path.join(tools, "node_modules", "playwright-core"));
const axeSource = fs.readFileSync(path.join(tools, "node_modules", "axe-core", "axe.min.js"), "utf8");
const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const KEY = "policy-studio.large-text";
const url = (p) => "file://" + path.join(config.root, p);

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
  });
}

async function textStyle(page) {
  return page.evaluate(() => {
    const p = document.querySelector("main p") || document.body;
    const s = getComputedStyle(p);
    return { large: document.documentElement.classList.contains("large-text"),
      fontSize: parseFloat(s.fontSize), lineHeight: parseFloat(s.lineHeight) };
  });
}

async function scenarios(page) {
  const out = {};
  // 适老化: switch it on with the visible button on one page, then open another page.
  await page.goto(url(config.pages[0]));
  await page.evaluate((k) => localStorage.removeItem(k), KEY);
  await page.reload();
  const toggle = page.locator("#large-text-toggle");
  out.toggleVisible = await toggle.isVisible();
  await toggle.click();
  out.pressedAfterClick = await toggle.getAttribute("aria-pressed");
  await page.goto(url(config.pages[config.pages.length - 1]));
  out.largeOnNextPage = await textStyle(page);
  await page.locator("#large-text-toggle").click();
  await page.goto(url(config.pages[0]));
  out.normalAfterSwitchOff = await textStyle(page);

  // Filters on the 政策文件库 listing.
  await page.goto(url("index.html"));
  const total = await page.locator(".doc-item").count();
  const options = await page.locator("#filter-validity option").evaluateAll((os) => os.map((o) => o.value));
  out.filters = { total, validity: {} };
  for (const value of options.filter((v) => v)) {
    await page.selectOption("#filter-validity", value);
    out.filters.validity[value] = await page.locator(".doc-item:visible").count();
  }
  await page.selectOption("#filter-validity", "");
  out.filters.afterReset = await page.locator(".doc-item:visible").count();

  // Search.
  out.search = {};
  for (const q of config.queries || []) {
    await page.goto(url("search.html") + "?q=" + encodeURIComponent(q));
    await page.waitForFunction(() => !/正在检索/.test(document.getElementById("search-status").textContent)
      && document.getElementById("search-status").textContent !== "");
    out.search[q] = await page.locator("#results .doc-title a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  }
  return out;
}

(async () => {
  const context = await chromium.launchPersistentContext(config.userDataDir, {
    executablePath: config.chromium || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic"],
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors = [];
  // Console errors count only while axe is not loaded: axe itself requests the stylesheets,
  // which a file: page refuses; uncaught exceptions of the page scripts always count.
  let watchConsole = false;
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (watchConsole && m.type() === "error") { errors.push(m.text()); } });
  const report = { axe: [], styles: [], errors };
  for (const mode of ["normal", "large"]) {
    await page.goto(url(config.pages[0]));
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, mode === "large" ? "1" : "0"]);
    for (const p of config.pages) {
      await page.goto(url(p));
      report.axe.push({ page: p, mode, violations: await axe(page) });
      report.styles.push({ page: p, mode, ...(await textStyle(page)) });
    }
  }
  watchConsole = true;
  report.scenarios = await scenarios(page);
  await context.close();
  process.stdout.write(JSON.stringify(report));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
