// The workshop room in a real browser: headless Chromium (Debian's), driven
// by playwright-core, used as a participant and a coach would use it.
//
// Usage: node check_serve.cjs BASE_URL TOKEN SHOT_DIR EXAMPLE.yaml PROFILECHECK_BIN
// Needs PLAYWRIGHT_CORE and AXE_CORE: the folders of the installed packages.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const axeSource = fs.readFileSync(path.join(process.env.AXE_CORE, 'axe.min.js'), 'utf8');
const [base, token, shotDir, example, bin] = process.argv.slice(2);

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) { passed += 1; console.log(`ok    ${name}`); }
  else { failed += 1; console.log(`FAIL  ${name}${detail ? `: ${detail}` : ''}`); }
}

// What the CLI says of a file, run as `profilecheck --format json profile.yaml`.
function cliScore(yamlText) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-e2e-'));
  fs.writeFileSync(path.join(dir, 'profile.yaml'), yamlText);
  let out;
  try {
    out = execFileSync(bin, ['--no-config', '--format', 'json', 'profile.yaml'], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) { out = e.stdout; }  // exit 1: findings
  fs.rmSync(dir, { recursive: true, force: true });
  return JSON.parse(out.toString()).profiles[0].score;
}

// Every request a page makes is recorded; any that would leave the room is
// refused and counted.
async function watched(context, label) {
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(base) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    outside.push(u);
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${label} console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`${label} page error: ${e.message}`));
  page.on('dialog', (d) => { errors.push(`${label} dialog: ${d.message()}`); d.dismiss(); });
  return { page, outside, errors };
}

async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(`${name}: axe-core finds no serious or critical violation`, bad.length === 0,
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join(' | '));
  const minor = result.violations.filter((v) => !bad.includes(v));
  if (minor.length) console.log(`note  ${name}: minor axe findings: ${minor.map((v) => v.id).join(', ')}`);
}

const scoreText = (page) => page.locator('#score-text').textContent();
async function waitScoreChange(page, before) {
  await page.waitForFunction((b) => {
    const t = document.getElementById('score-text').textContent;
    return t && t !== b;
  }, before, { timeout: 10000 });
  return scoreText(page);
}
const num = (text) => { const m = /(\d+)/.exec(text || ''); return m ? Number(m[1]) : null; };

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(shotDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', acceptDownloads: true });
  const { page, outside, errors } = await watched(context, 'participant');

  // ---- the form, by its labels, as a person fills it
  await page.goto(base);
  await page.getByRole('heading', { level: 1, name: 'Your Facebook profile, step by step' }).waitFor();
  check('the page follows the browser language (en)', (await page.getAttribute('html', 'lang')) === 'en');
  await page.waitForFunction(() => /\d/.test(document.getElementById('score-text').textContent));
  const empty = await scoreText(page);
  check('an empty profile has a score', num(empty) !== null, empty);
  check('the score is in a polite live region', (await page.getAttribute('#score-text', 'aria-live')) === 'polite');

  await page.getByLabel('Your name, as the report should show it?').fill('Ada Lovelace');
  await page.getByRole('group', { name: 'Have you put up a profile picture?' }).getByLabel('Yes', { exact: true }).check();
  let after = await waitScoreChange(page, empty);
  check('the score changes as the form is filled', num(after) > num(empty), `${empty} -> ${after}`);
  // A choice comes with its meaning, not the format's code word.
  const kind = page.getByRole('group', { name: 'What does your profile picture show?' });
  check('enum choices are shown with their meaning', await kind.getByLabel('A professional portrait of you').count() === 1);
  await kind.getByLabel('A professional portrait of you').check();
  const before = after;
  await page.getByLabel('Your Bio').fill('Community manager · e-reputation');
  after = await waitScoreChange(page, before);
  check('typing a bio raises the score again', num(after) > num(before), `${before} -> ${after}`);
  const firstFinding = await page.locator('.finding h4').first().textContent();
  check('findings come with fix steps', (await page.locator('.finding .fix li').count()) > 0, firstFinding);
  // The keyboard reaches the form: tabbing from the language switch lands in it.
  await page.getByRole('button', { name: 'English' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.tagName));
  check('Tab moves from the language switch into the file controls', focused === 'load', focused);

  // ---- load the example, download it, the CLI agrees
  await page.setInputFiles('#load', example);
  await page.locator('#load-status').filter({ hasText: 'Loaded' }).waitFor();
  check('loading a YAML fills the form', (await page.getByLabel('Your name, as the report should show it?').inputValue()) === 'Jeanne Martin');
  const exampleScore = cliScore(fs.readFileSync(example, 'utf8'));
  await page.waitForFunction((s) => document.getElementById('score-text').textContent.includes(String(s)), exampleScore, { timeout: 10000 })
    .catch(() => {});
  const loaded = await scoreText(page);
  check('the loaded example shows the CLI score', num(loaded) === exampleScore, `${loaded} vs ${exampleScore}`);
  await page.screenshot({ path: path.join(shotDir, 'participant-desktop.png'), fullPage: true });
  await page.screenshot({ path: path.join(shotDir, 'participant-desktop-top.png') });
  await axe(page, 'participant page (en)');

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the profile (YAML)' }).click()]);
  const yamlPath = path.join(shotDir, 'downloaded-profile.yaml');
  await dl.saveAs(yamlPath);
  const downloaded = fs.readFileSync(yamlPath, 'utf8');
  check('the downloaded YAML is named profile.yaml', dl.suggestedFilename() === 'profile.yaml');
  check('the downloaded YAML lints to the same score with the CLI', cliScore(downloaded) === num(loaded), `${cliScore(downloaded)} vs ${num(loaded)}`);
  check('what the file had and the form has not is kept (waivers)', /waivers/.test(downloaded) === /waivers/.test(fs.readFileSync(example, 'utf8')));
  for (const [label, ext, marker] of [['Download the handout (HTML)', 'html', '<html lang="en"'], ['Download the handout (Markdown)', 'md', 'Jeanne Martin']]) {
    const [h] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    const p = path.join(shotDir, `handout.${ext}`);
    await h.saveAs(p);
    const text = fs.readFileSync(p, 'utf8');
    check(`the ${ext} handout downloads`, text.includes(marker) && text.includes('Jeanne Martin'), text.slice(0, 80));
  }

  // ---- switch language: the page and the report follow, the answers stay
  await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('heading', { level: 1, name: 'Votre profil Facebook, étape par étape' }).waitFor();
  check('the switch changes the page language', (await page.getAttribute('html', 'lang')) === 'fr');
  check('answers survive the switch', (await page.getByLabel('Votre nom, tel que').inputValue()) === 'Jeanne Martin');
  await page.waitForFunction(() => /sur 100/.test(document.getElementById('score-text').textContent), null, { timeout: 10000 }).catch(() => {});
  const fr = await scoreText(page);
  check('the score reads in French', /^Score\u00a0: \d+ sur 100$/.test(fr) && num(fr) === exampleScore, fr);
  check('findings are in French', /Comment corriger/.test(await page.locator('#findings').textContent()));
  await axe(page, 'participant page (fr)');

  // ---- share with the coach
  await page.getByLabel('Nom affiché pour le formateur').fill('Jeanne (atelier)');
  await page.getByRole('button', { name: 'Partager avec le formateur' }).click();
  await page.locator('#share-status').filter({ hasText: 'Partagé' }).waitFor({ timeout: 10000 });
  check('sharing is confirmed', true);

  // ---- a phone
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'fr-FR' });
  const p2 = await watched(phone, 'phone');
  await p2.page.goto(base);
  await p2.page.getByRole('heading', { level: 1 }).waitFor();
  await p2.page.waitForFunction(() => /\d/.test(document.getElementById('score-text').textContent));
  check('a French browser gets the French page', (await p2.page.getAttribute('html', 'lang')) === 'fr');
  const wide = await p2.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('no sideways scrolling on a phone', wide <= 0, `${wide}px too wide`);
  await p2.page.screenshot({ path: path.join(shotDir, 'participant-phone.png'), fullPage: true });
  await p2.page.screenshot({ path: path.join(shotDir, 'participant-phone-top.png') });
  await p2.page.getByRole('heading', { level: 3 }).nth(2).scrollIntoViewIfNeeded();
  await p2.page.screenshot({ path: path.join(shotDir, 'participant-phone-form.png') });

  // ---- the coach
  const coachContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', acceptDownloads: true });
  const c = await watched(coachContext, 'coach');
  const denied = await c.page.goto(base + '/coach');
  check('the coach page without the token is 403', denied.status() === 403);
  const denied2 = await c.page.goto(base + '/coach?token=' + 'f'.repeat(32));
  check('the coach page with a wrong token is 403', denied2.status() === 403);
  c.errors.length = 0;  // the 403s above are meant
  await c.page.goto(base + '/coach?token=' + token);
  const row = c.page.getByRole('row', { name: /Jeanne \(atelier\)/ });
  await row.waitFor({ timeout: 10000 });
  check('the coach sees who shared, with the score', (await row.textContent()).includes(String(exampleScore)));
  check('the coach sees what to teach next', (await c.page.locator('#missed li').count()) > 0);
  const [exp] = await Promise.all([c.page.waitForEvent('download'), c.page.getByRole('link', { name: 'Fiches (HTML)' }).click()]);
  const expPath = path.join(shotDir, 'room-handouts.html');
  await exp.saveAs(expPath);
  check('the coach exports the room\'s handouts', fs.readFileSync(expPath, 'utf8').includes('Jeanne (atelier)'));
  const [st] = await Promise.all([c.page.waitForEvent('download'), c.page.getByRole('link', { name: 'Statistiques (JSON)' }).click()]);
  const stPath = path.join(shotDir, 'room-statistics.json');
  await st.saveAs(stPath);
  check('the coach exports the statistics', JSON.parse(fs.readFileSync(stPath, 'utf8')).participants[0].name === 'Jeanne (atelier)');
  await c.page.screenshot({ path: path.join(shotDir, 'coach-desktop.png'), fullPage: true });
  await axe(c.page, 'coach page');

  for (const [who, w] of [['participant', { outside, errors }], ['phone', p2], ['coach', c]]) {
    check(`${who}: no request leaves the machine`, w.outside.length === 0, w.outside.join(', '));
    check(`${who}: no console or page error`, w.errors.length === 0, w.errors.join(' | '));
  }
  await browser.close();
  console.log(`e2e_serve browser: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.log(`FAIL  browser run: ${e && e.stack ? e.stack : e}`);
  console.log(`e2e_serve browser: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
