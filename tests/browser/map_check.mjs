// Opens a frontline map.html in headless Chromium and checks it against expectations.
// Usage: node map_check.mjs MAP.html EXPECTED.json
// EXPECTED.json: {"days": {"YYYY-MM-DD": [{"place_id", "faction"}, ...]}, "popup": "place id",
//                 "search": {"name", "id"}}
// Also writes a screenshot beside MAP.html (MAP.png).
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
  // It opens on the first day, and the address keeps the day shown.
  const opened = await page.evaluate(() => window.frontline.day());
  if (opened !== days[0]) await fail(`opened on ${opened}, expected the first day ${days[0]}`);
  const last = days.at(-1);
  await page.evaluate(d => window.frontline.setDay(d), last);
  const hash = await page.evaluate(() => location.hash);
  if (hash !== "#" + last) await fail(`address shows ${hash} for ${last}`);
  const permalink = pathToFileURL(mapPath).href + "#" + days[Math.min(1, days.length - 1)];
  const linked = await browser.newPage();
  await linked.goto(permalink);
  await linked.waitForFunction(() => window.frontline && window.frontline.days.length > 0);
  const linkedDay = await linked.textContent("#day");
  if (linkedDay !== days[Math.min(1, days.length - 1)]) await fail(`permalink opened ${linkedDay}`);
  await linked.close();
  console.log("ok permalink");
  // The panel lists each change of the day with its sentence.
  let panelDay = null;
  for (const d of days) {
    const changes = await page.evaluate(day => { window.frontline.setDay(day); return window.frontline.changes(); }, d);
    const items = await page.$$eval("#changes li", lis => lis.length);
    if (changes.length && items !== changes.length) await fail(`panel on ${d}: ${items} items for ${changes.length} changes`);
    if (changes.length && !panelDay) {
      if (!changes.every(c => c.name && c.to && c.sentence)) await fail(`a change on ${d} lacks its place, side or sentence`);
      const text = await page.textContent("#changes");
      if (!text.includes(changes[0].name)) await fail(`panel on ${d} does not name ${changes[0].name}`);
      panelDay = d;
    }
  }
  if (!panelDay) await fail("no day lists a change");
  console.log("ok changes panel " + panelDay);
  // The picture: the whole country on the busiest day, its changes listed beside it.
  let busiest = days[0], most = -1;
  for (const d of days) {
    const n = await page.evaluate(day => { window.frontline.setDay(day); return window.frontline.changes().length; }, d);
    if (n > most) { most = n; busiest = d; }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(day => window.frontline.setDay(day), busiest);
  await page.waitForTimeout(300);
  await page.screenshot({ path: mapPath.replace(/\.html$/, ".png") });
  // The search box finds a place by name, folded ("aleppo" finds "Aleppo").
  if (expected.search) {
    const found = await page.evaluate(n => window.frontline.search(n), expected.search.name.toLowerCase());
    if (found !== expected.search.id) await fail(`search for ${expected.search.name} found ${found}`);
    const none = await page.evaluate(() => window.frontline.search("no such place at all"));
    if (none !== null) await fail("a search for nothing found " + none);
    console.log("ok search");
  }
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
