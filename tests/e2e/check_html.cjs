// Opens each HTML handout in headless Chromium (playwright-core driving the
// system's /usr/bin/chromium) and checks what a participant's browser would
// do with it: no request beyond the file itself, no console or page error, no
// dialog, hostile profile texts shown as text and never as elements, the page
// language, an accessible score picture, no sideways scrolling on a phone.
// Takes a screen and a print screenshot of each page.
//
// Markdown handouts (cases with "markdown": FILE) are first rendered by
// markdown-it with raw HTML and links enabled, as a permissive Markdown viewer
// would, and the result goes through the same checks: whatever a profile says
// must come out as text.
//
// Usage: node check_html.cjs MANIFEST.json SHOT_DIR
// MANIFEST: [{ "name", "file", "lang", "texts": [strings that must be visible],
//              "profiles": number of profile sections }
//            | { "name", "markdown", "texts" }]
// Needs PLAYWRIGHT_CORE and MARKDOWN_IT: the directories of the installed
// playwright-core and markdown-it.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const markdownIt = require(process.env.MARKDOWN_IT);
const [manifestPath, shotDir] = process.argv.slice(2);
const cases = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok    ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL  ${name}${detail ? `: ${detail}` : ''}`);
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  fs.mkdirSync(shotDir, { recursive: true });
  for (const c of cases) {
    if (c.markdown) {
      const body = markdownIt({ html: true, linkify: true }).render(fs.readFileSync(c.markdown, 'utf8'));
      c.file = `${c.markdown}.html`;
      fs.writeFileSync(c.file, '<!DOCTYPE html><html lang="' + (c.lang || 'en') + '"><head><meta charset="utf-8">'
        + '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">'
        + '<title>markdown</title></head><body>' + body + '</body></html>');
    }
    const url = pathToFileURL(path.resolve(c.file)).href;
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, javaScriptEnabled: true });
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    const dialogs = [];
    // Record every request, and answer anything but the page itself and data:
    // URIs with an abort, so a bug could never reach the network from CI.
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url || u.startsWith('data:')) return route.continue();
      return route.abort();
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(200);

    const facts = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      const handlers = all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`));
      const loaders = all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => ['src', 'srcset', 'href', 'action', 'poster', 'data'].includes(a.name.toLowerCase()))
          .filter((a) => !(a.name === 'href' && a.value.startsWith('#')))
          .map((a) => `${el.tagName}[${a.name}=${a.value}]`));
      const rings = [...document.querySelectorAll('svg[role="img"]')];
      const brokenAnchors = [...document.querySelectorAll('a[href^="#"]')]
        .map((a) => a.getAttribute('href').slice(1))
        .filter((id) => !document.getElementById(id));
      return {
        lang: document.documentElement.lang,
        text: document.body.innerText,
        scripts: document.querySelectorAll('script').length,
        imgOnerror: document.querySelectorAll('img[onerror]').length,
        imgs: document.querySelectorAll('img, iframe, object, embed, link, video, audio').length,
        handlers,
        loaders,
        rings: rings.length,
        ringsTitled: rings.filter((s) => s.querySelector('title') && s.querySelector('title').textContent.trim()).length,
        profiles: document.querySelectorAll('article.profile').length,
        h1: document.querySelectorAll('h1').length,
        brokenAnchors,
        csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || '',
      };
    });

    const n = c.name;
    const foreign = requests.filter((u) => u !== url && !u.startsWith('data:'));
    check(`${n}: no request but the file itself`, foreign.length === 0, foreign.join(', '));
    check(`${n}: no console or page error`, errors.length === 0, errors.join(' | '));
    check(`${n}: no dialog opened`, dialogs.length === 0, dialogs.join(', '));
    check(`${n}: no script element`, facts.scripts === 0, `${facts.scripts}`);
    check(`${n}: no img[onerror]`, facts.imgOnerror === 0, `${facts.imgOnerror}`);
    check(`${n}: no embedded resource element`, facts.imgs === 0, `${facts.imgs}`);
    check(`${n}: no event-handler attribute`, facts.handlers.length === 0, facts.handlers.join(', '));
    if (c.markdown) {
      // A viewer may turn a bare web address into a link (GFM autolinks do);
      // anything but an http(s) link means markup got through.
      const bad = facts.loaders.filter((l) => !/^A\[href=https?:\/\/[^\s"'<>]+\]$/i.test(l));
      check(`${n}: no attribute that loads, and no link but http(s)`, bad.length === 0, bad.join(', '));
    } else {
      check(`${n}: no attribute that loads or leaves the page`, facts.loaders.length === 0, facts.loaders.join(', '));
    }
    check(`${n}: CSP forbids everything`, facts.csp.includes("default-src 'none'"), facts.csp);
    check(`${n}: one h1`, facts.h1 === 1, `${facts.h1}`);
    if (!c.markdown) {
      check(`${n}: <html lang="${c.lang}">`, facts.lang === c.lang, facts.lang);
      check(`${n}: ${c.profiles} profile section(s)`, facts.profiles === c.profiles, `${facts.profiles}`);
      check(`${n}: every score picture has a title`, facts.rings === c.profiles && facts.ringsTitled === facts.rings,
        `${facts.ringsTitled}/${facts.rings}`);
    }
    check(`${n}: every in-page link has a target`, facts.brokenAnchors.length === 0, facts.brokenAnchors.join(', '));
    for (const t of c.texts || []) {
      check(`${n}: shows ${JSON.stringify(t)} as text`, facts.text.includes(t));
    }

    await page.screenshot({ path: path.join(shotDir, `${n}.png`), fullPage: true });
    if (c.markdown) {
      await context.close();
      continue;
    }
    // A phone: long names and addresses must wrap, not push the page sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(`${n}: no sideways scrolling at 375 px`, overflow <= 0, `${overflow}px too wide`);
    await page.screenshot({ path: path.join(shotDir, `${n}-phone.png`), fullPage: false });
    // The printed handout.
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shotDir, `${n}-print.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    check(`${n}: prints to PDF`, pdf.length > 1000, `${pdf.length} bytes`);
    fs.writeFileSync(path.join(shotDir, `${n}.pdf`), pdf);
    await context.close();
  }
  await browser.close();
  console.log(`e2e_browser: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.log(`FAIL  browser run: ${e && e.stack ? e.stack : e}`);
  console.log(`e2e_browser: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
