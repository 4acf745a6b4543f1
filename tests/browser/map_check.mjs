// Opens a frontline map.html in headless Chromium and checks it against expectations.
// Usage: node map_check.mjs MAP.html EXPECTED.json
// EXPECTED.json: {"days": {"YYYY-MM-DD": [{"place_id", "faction"}, ...]}, "popup": "place id"}
// Prints one line per check; exits non-zero on the first failure.
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [mapPath, expectedPath] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedPath, "utf8"));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const fail = async (msg) => { console.log("FAIL " + msg); await browser.close(); process.exit(1); };
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("console", m => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", e => errors.push(String(e)));
  page.on("dialog", async d => { errors.push("dialog opened: " + d.message()); await d.dismiss(); });
  await page.goto(pathToFileURL(mapPath).href);
  await page.waitForFunction(() => window.frontline && window.frontline.days.length > 0);
  const days = await page.evaluate(() => window.frontline.days);
  console.log("ok days " + days.length);
  for (const [day, want] of Object.entries(expected.days)) {
    const got = await page.evaluate(d => { window.frontline.setDay(d); return window.frontline.visible(); }, day);
    const key = xs => xs.map(x => x.place_id + "=" + x.faction).sort().join(",");
    if (key(got) !== key(want)) await fail(`markers on ${day}: ${got.length} shown, ${want.length} expected`);
    console.log(`ok markers ${day} ${got.length}`);
  }
  // The arrow keys move the day.
  if (days.length > 1) {
    await page.evaluate(() => window.frontline.setDay(window.frontline.days[0]));
    await page.keyboard.press("ArrowRight");
    const label = await page.textContent("#day");
    if (label !== days[1]) await fail(`ArrowRight shows ${label}, expected ${days[1]}`);
    console.log("ok keyboard");
  }
  if (expected.popup) {
    await page.evaluate(p => { window.frontline.setDay(window.frontline.days.at(-1)); window.frontline.openPopup(p); }, expected.popup);
    const text = await page.textContent(".leaflet-popup-content");
    if (!text || !text.includes("since")) await fail("popup did not open with its text");
    console.log("ok popup");
  }
  await page.waitForTimeout(300);
  const injected = await page.evaluate(() => window.__xss === 1 || document.querySelectorAll("img[src='x']").length > 0);
  if (injected) await fail("article text was executed or turned into markup");
  console.log("ok no injection");
  if (errors.length) await fail("console errors: " + errors.join(" | "));
  console.log("ok no console errors");
} finally {
  await browser.close();
}
