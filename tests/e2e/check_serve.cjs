// The workshop room in real browsers, as a coach runs it (issue 23):
// headless Chromium (Debian's) driven by playwright-core, two participants
// (a laptop and a phone) and the coach, in French.
//
// Usage: node check_serve.cjs BASE_URL TOKEN SHOT_DIR EXAMPLE.yaml PROFILECHECK_BIN
// Needs PLAYWRIGHT_CORE and AXE_CORE: the folders of the installed packages.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');

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
// refused and counted. A dialog is an error unless the test expects one.
async function watched(context, label, origin) {
  const page = await context.newPage();
  const w = { page, outside: [], errors: [], confirm: false };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin || base) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    w.outside.push(u);
    return route.abort();
  });
  context.on('page', (p) => {
    p.on('console', (m) => { if (m.type() === 'error') w.errors.push(`${label} console: ${m.text()}`); });
    p.on('pageerror', (e) => w.errors.push(`${label} page error: ${e.message}`));
  });
  page.on('console', (m) => { if (m.type() === 'error') w.errors.push(`${label} console: ${m.text()}`); });
  page.on('pageerror', (e) => w.errors.push(`${label} page error: ${e.message}`));
  page.on('dialog', (d) => {
    if (w.confirm && d.type() === 'confirm') { w.confirm = false; d.accept(); return; }
    w.errors.push(`${label} dialog: ${d.message()}`);
    d.dismiss();
  });
  return w;
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
const num = (text) => { const m = /(\d+)/.exec(text || ''); return m ? Number(m[1]) : null; };
async function waitScore(page, pred, label) {
  await page.waitForFunction(pred, null, { timeout: 10000 }).catch(() => console.log(`note  waiting for ${label} timed out`));
}
const FORBIDDEN = ['appuyez sur Entrée', '`', 'Le fichier n', 'trouvé rien', ' N° ', 'press Enter', 'The file'];

// The advice in #findings, in page order.
const adviceOrder = (page) => page.$$eval('#findings [data-rule]', (els) => els.map((e) => ({ rule: e.dataset.rule, step: Number(e.dataset.step) })));

// Start a second room from an export and read its banner.
function startResumed(file) {
  return new Promise((resolve, reject) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-resume-'));
    const child = spawn(bin, ['serve', '--no-config', '--port', '0', '--resume', file], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C' } });
    let out = '';
    const timer = setTimeout(() => reject(new Error('no banner: ' + out)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve({ child, url: /http:\/\/127\.0\.0\.1:\d+/.exec(out)[0], token: /token=([0-9a-f]+)/.exec(out)[1], banner: out });
      }
    });
    child.on('exit', (c) => reject(new Error('exited ' + c + ': ' + out)));
  });
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(shotDir, { recursive: true });

  // ================================================================ Sophie, on a laptop
  const sophieCtx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', acceptDownloads: true });
  const sophie = await watched(sophieCtx, 'sophie');
  const page = sophie.page;
  await page.goto(base);
  await page.getByRole('heading', { level: 1, name: 'Votre profil Facebook, étape par étape' }).waitFor();
  check('a French browser gets the French page', (await page.getAttribute('html', 'lang')) === 'fr');
  await waitScore(page, () => /\d/.test(document.getElementById('score-text').textContent), 'a first score');
  const empty = await scoreText(page);
  check('an empty profile has a score', num(empty) !== null, empty);
  check('the score is in a polite live region', (await page.getAttribute('#score-text', 'aria-live')) === 'polite');

  // Only an over-long bio: its error comes under step 1, before any step-5 advice.
  await page.getByLabel('Votre nom, tel que le rapport doit l’afficher').fill('Sophie Bernard');
  await page.getByLabel(/Votre bio/i).fill('Coach en image professionnelle, j’accompagne les cadres en reconversion à soigner leur présence en ligne, pas à pas.');
  await page.locator('#findings [data-rule="bio-length"]').waitFor({ timeout: 10000 });
  let order = await adviceOrder(page);
  const steps = order.map((a) => a.step);
  check('advice steps never go back', steps.every((s, i) => i === 0 || s >= steps[i - 1]), steps.join(','));
  const bio = order.findIndex((a) => a.rule === 'bio-length');
  const five = order.findIndex((a) => a.step === 5);
  check('bio-length comes before the advice of step 5', bio >= 0 && (five < 0 || bio < five), `bio at ${bio}, step 5 at ${five}`);
  const headings = await page.$$eval('#findings h4', (hs) => hs.map((h) => h.textContent));
  check('each step of the advice is numbered and titled', headings.slice(0, 7).every((h, i) => h.startsWith(`Étape ${i + 1} · `) && h.length > 12), headings.join(' | '));
  const summary = await page.locator('#summary').textContent();
  check('the score line counts guide steps "sur 7"', /sur 7/.test(summary), summary);
  check('a rule is never called a step (no count past 7)', !/sur (?!7\b)\d+/.test(summary), summary);

  // -3 posts a month: marked at the field, in words, and the score stays.
  const posts = page.locator('[data-path="publishing.posts_per_month"] input');
  await posts.fill('-3');
  await page.waitForSelector('[data-path="publishing.posts_per_month"] input[aria-invalid="true"]', { timeout: 10000 }).catch(() => {});
  check('-3 posts a month marks the field', (await posts.getAttribute('aria-invalid')) === 'true');
  const described = await posts.getAttribute('aria-describedby');
  const said = described ? await page.locator('#' + described).textContent() : '';
  check('the field error is tied by aria-describedby, in words', /nombre/.test(said) && !/posts_per_month/.test(said), said);
  await posts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shotDir, 'participant-field-error.png') });
  const withError = await scoreText(page);
  check('the score stays numeric with a wrong field', num(withError) !== null && !/Pas/.test(withError), withError);

  // Reload: nothing lost.
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await waitScore(page, () => /\d/.test(document.getElementById('score-text').textContent), 'the score after reload');
  check('reload keeps the answers', (await page.getByLabel('Votre nom, tel que le rapport doit l’afficher').inputValue()) === 'Sophie Bernard');
  check('reload keeps even the wrong answer', (await posts.inputValue()) === '-3');
  await page.waitForSelector('[data-path="publishing.posts_per_month"] input[aria-invalid="true"]', { timeout: 10000 }).catch(() => {});
  check('the wrong answer is still marked after reload', (await posts.getAttribute('aria-invalid')) === 'true');

  // textContent: hidden questions count too.
  const text = await page.evaluate(() => document.body.textContent);
  for (const f of FORBIDDEN) check(`the page never says ${JSON.stringify(f)}`, !text.includes(f));
  await page.screenshot({ path: path.join(shotDir, 'participant-desktop.png'), fullPage: true });
  await page.screenshot({ path: path.join(shotDir, 'participant-desktop-top.png') });
  await axe(page, 'participant page (fr)');

  // Downloads named after the person, in the page's language.
  await posts.fill('6');
  await page.waitForFunction(() => !document.querySelector('[aria-invalid="true"]'), null, { timeout: 10000 }).catch(() => {});
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger mon profil (YAML)' }).click()]);
  const yamlPath = path.join(shotDir, dl.suggestedFilename());
  await dl.saveAs(yamlPath);
  const downloaded = fs.readFileSync(yamlPath, 'utf8');
  check('the YAML is named after the person', dl.suggestedFilename() === 'sophie-bernard.yaml', dl.suggestedFilename());
  check('its header is in French', downloaded.startsWith('# Profil rédigé'), downloaded.split('\n')[0]);
  const pageScore = num(await scoreText(page));
  check('the downloaded YAML lints to the page\'s score with the CLI', cliScore(downloaded) === pageScore, `${cliScore(downloaded)} vs ${pageScore}`);
  const [h] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger ma fiche (HTML)' }).click()]);
  check('the handout is named after the person', h.suggestedFilename() === 'sophie-bernard.html', h.suggestedFilename());
  await h.saveAs(path.join(shotDir, h.suggestedFilename()));
  check('the handout is in French', fs.readFileSync(path.join(shotDir, h.suggestedFilename()), 'utf8').includes('<html lang="fr"'));

  // Loading the example: only what is really outside the form is reported.
  await page.setInputFiles('#load', example);
  await page.locator('#load-status').filter({ hasText: 'chargé' }).waitFor();
  const status = await page.locator('#load-status').textContent();
  const exampleText = fs.readFileSync(example, 'utf8');
  check('loading says "kept" only when something is outside the form', /conservée/.test(status) === /^(waivers|extra):/m.test(exampleText), status);
  const exampleScore = cliScore(exampleText);
  await waitScore(page, () => true, '');
  await page.waitForFunction((s) => document.getElementById('score-text').textContent.includes(String(s)), exampleScore, { timeout: 10000 }).catch(() => {});
  check('the loaded example shows the CLI score', num(await scoreText(page)) === exampleScore, `${await scoreText(page)} vs ${exampleScore}`);
  const loadedText = await page.evaluate(() => document.body.textContent);
  const saidLoaded = FORBIDDEN.filter((f) => loadedText.includes(f));
  check('with the example loaded, still no terminal or file wording', saidLoaded.length === 0, saidLoaded.join(', '));
  await page.getByLabel('Votre nom, tel que le rapport doit l’afficher').fill('Sophie Bernard');

  // Share from two tabs of the same browser: one participant.
  await page.getByLabel('Nom affiché pour le formateur').fill('Sophie Bernard');
  await page.getByRole('button', { name: 'Partager avec le formateur' }).click();
  await page.locator('#share-status').filter({ hasText: 'Partagé' }).waitFor({ timeout: 10000 });
  const tab2 = await sophieCtx.newPage();
  await tab2.goto(base);
  await tab2.getByRole('heading', { level: 1 }).waitFor();
  await tab2.waitForFunction(() => document.getElementById('share-name').value === 'Sophie Bernard', null, { timeout: 10000 }).catch(() => {});
  check('a second tab opens with the same answers', (await tab2.getByLabel('Votre nom, tel que le rapport doit l’afficher').inputValue()) === 'Sophie Bernard');
  await tab2.getByRole('button', { name: 'Partager avec le formateur' }).click();
  await tab2.locator('#share-status').filter({ hasText: 'Partagé' }).waitFor({ timeout: 10000 });

  // ================================================================ Marc, on a phone
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'fr-FR' });
  const marc = await watched(phoneCtx, 'phone');
  await marc.page.goto(base);
  await marc.page.getByRole('heading', { level: 1 }).waitFor();
  await marc.page.waitForFunction(() => /\d/.test(document.getElementById('score-text').textContent));
  const wide = await marc.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check('no sideways scrolling on a phone', wide <= 0, `${wide}px too wide`);
  await marc.page.getByLabel('Votre nom, tel que le rapport doit l’afficher').fill('Marc Dupont');
  await marc.page.getByRole('group', { name: 'Avez-vous mis en ligne une photo de profil ?' }).getByLabel('Oui', { exact: true }).check();
  await marc.page.screenshot({ path: path.join(shotDir, 'participant-phone-top.png') });
  await marc.page.screenshot({ path: path.join(shotDir, 'participant-phone.png'), fullPage: true });
  // The same page in English says nothing of a terminal or a file either.
  await marc.page.getByRole('button', { name: 'English' }).click();
  await marc.page.getByRole('heading', { level: 1, name: 'Your Facebook profile, step by step' }).waitFor();
  await marc.page.waitForFunction(() => /of 7/.test(document.getElementById('summary').textContent), null, { timeout: 10000 }).catch(() => {});
  const en = await marc.page.evaluate(() => document.body.textContent);
  const saidEn = FORBIDDEN.filter((f) => en.includes(f));
  check('the English page: no terminal or file wording, "of 7"', saidEn.length === 0 && /of 7/.test(en), saidEn.join(', '));
  check('answers survive the language switch', (await marc.page.getByLabel('Your name, as the report should show it?').inputValue()) === 'Marc Dupont');
  await marc.page.getByRole('button', { name: 'Français' }).click();
  await marc.page.getByRole('heading', { level: 1, name: 'Votre profil Facebook, étape par étape' }).waitFor();
  await marc.page.getByRole('button', { name: 'Partager avec le formateur' }).click();
  await marc.page.locator('#share-status').filter({ hasText: 'Partagé' }).waitFor({ timeout: 10000 });

  // ================================================================ the coach
  const coachCtx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR', acceptDownloads: true });
  const coach = await watched(coachCtx, 'coach');
  const c = coach.page;
  const denied = await c.goto(base + '/coach');
  check('the coach page without the token is 403', denied.status() === 403);
  coach.errors.length = 0;  // the 403 above is meant
  await c.goto(base + '/coach?token=' + token);
  await c.waitForFunction(() => document.querySelectorAll('[data-participant]').length >= 2, null, { timeout: 10000 }).catch(() => {});
  const rows = await c.$$eval('[data-participant]', (els) => els.map((e) => e.textContent));
  check('two tabs sharing give one row', rows.length === 2 && rows.filter((r) => r.includes('Sophie Bernard')).length === 1, rows.join(' | '));
  check('each row says when it was shared', rows.every((r) => /il y a|maintenant|secondes?|min/.test(r)), rows.join(' | '));
  const qr = await c.locator('svg[data-qr]').boundingBox();
  check('the QR code of the participants\' address is on the coach page', qr !== null && qr.width >= 200, JSON.stringify(qr));
  check('the participants\' address is on the coach page', (await c.locator('#address').textContent()) === base + '/');
  const missedSteps = await c.$$eval('#missed h3', (hs) => hs.map((h) => h.textContent));
  check('the most missed are grouped under numbered steps', missedSteps.length > 0 && missedSteps.filter((t) => /^Étape \d+ · /.test(t)).length >= 1, missedSteps.join(' | '));

  // One participant's advice and answers, one click away.
  await c.locator('[data-participant]', { hasText: 'Sophie Bernard' }).getByRole('button', { expanded: false }).first().click();
  await c.locator('tr.detail dd', { hasText: 'Sophie Bernard' }).first().waitFor({ timeout: 10000 }).catch(() => {});
  const detail = await c.locator('tr.detail').first().textContent().catch(() => '');
  check('a participant\'s detail shows advice and answers', /Conseils/.test(detail) && /Réponses/.test(detail) && detail.includes('Sophie Bernard'), detail.slice(0, 200));
  await c.screenshot({ path: path.join(shotDir, 'coach-desktop.png'), fullPage: true });
  await axe(c, 'coach page');

  // Remove Marc (the coach confirms): the average follows.
  const averageBefore = await c.locator('#average').textContent();
  coach.confirm = true;
  await c.locator('[data-participant]', { hasText: 'Marc Dupont' }).locator('[data-action=remove]').click();
  await c.waitForFunction(() => document.querySelectorAll('[data-participant]').length === 1, null, { timeout: 10000 }).catch(() => {});
  check('the coach removes a row', (await c.locator('[data-participant]').count()) === 1);
  const averageAfter = await c.locator('#average').textContent();
  check('the average follows', averageAfter !== averageBefore && num(averageAfter) === exampleScore, `${averageBefore} -> ${averageAfter}`);

  // The projector view.
  await c.getByRole('button', { name: 'Vue projecteur' }).click();
  await c.getByRole('heading', { name: 'À enseigner ensuite' }).waitFor({ timeout: 5000 }).catch(() => {});
  check('the projector view says what to teach next', await c.getByRole('heading', { name: 'À enseigner ensuite' }).count() === 1);
  await c.screenshot({ path: path.join(shotDir, 'coach-projector.png') });
  await c.getByRole('button', { name: 'Revenir à la vue complète' }).click();

  // Export, then --resume: the same participants.
  const [exp] = await Promise.all([c.waitForEvent('download'), c.getByRole('link', { name: /La séance \(JSON/ }).click()]);
  const expPath = path.join(shotDir, 'room.json');
  await exp.saveAs(expPath);
  const exported = JSON.parse(fs.readFileSync(expPath, 'utf8'));
  const resumed = await startResumed(expPath);
  const coach2Ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
  const coach2 = await watched(coach2Ctx, 'coach (resumed)', resumed.url);
  await coach2.page.goto(resumed.url + '/coach?token=' + resumed.token);
  await coach2.page.waitForFunction(() => document.querySelectorAll('[data-participant]').length > 0, null, { timeout: 10000 }).catch(() => {});
  const again = await coach2.page.$$eval('[data-participant]', (els) => els.map((e) => e.dataset.participant));
  check('export then --resume gives the same participants', JSON.stringify(again) === JSON.stringify(exported.participants.map((p) => p.id)) && again.length === 1, `${again} vs ${exported.participants.map((p) => p.id)}`);
  // The page stops polling before its server does.
  await coach2Ctx.close();
  resumed.child.kill();

  // A phone-sized coach page.
  const coachPhone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2, locale: 'fr-FR' });
  const cp = await watched(coachPhone, 'coach phone');
  await cp.page.goto(base + '/coach?token=' + token);
  await cp.page.locator('[data-participant]').first().waitFor({ timeout: 10000 }).catch(() => {});
  await cp.page.screenshot({ path: path.join(shotDir, 'coach-phone.png'), fullPage: true });

  // Start over: the answers go, after a confirmation.
  sophie.confirm = true;
  await page.getByRole('button', { name: 'Tout recommencer' }).click();
  await page.waitForFunction(() => document.querySelector('[data-path="name"] input, #f-name').value === '', null, { timeout: 5000 }).catch(() => {});
  check('"start over" empties the form', (await page.getByLabel('Votre nom, tel que le rapport doit l’afficher').inputValue()) === '');
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForTimeout(500);
  check('…and the empty form survives a reload', (await page.getByLabel('Votre nom, tel que le rapport doit l’afficher').inputValue()) === '');

  for (const [who, w] of [['sophie', sophie], ['phone', marc], ['coach', coach], ['coach (resumed)', coach2], ['coach phone', cp]]) {
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
