// Load and hostile requests against a running workshop room, on loopback
// only. 50 simulated participants check their profiles at once, a bounded
// number of times each and within a time limit; every answer must be the
// CLI's `--format json` for that profile. Then hostile requests, each with
// the status it must get, and the room must still answer afterwards.
//
// Usage: node load_serve.cjs PORT REPORT.txt PROFILECHECK_BIN PROFILE.yaml...
// The room must run with --no-config and LANG=C, as the CLI is run here.
'use strict';

const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const [port, reportPath, bin, ...files] = process.argv.slice(2);
// What `profilecheck --format json profile.yaml` prints for each profile.
const cases = files.map((f) => {
  const yaml = fs.readFileSync(f);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-load-'));
  fs.writeFileSync(path.join(dir, 'profile.yaml'), yaml);
  let out;
  try {
    out = execFileSync(bin, ['--no-config', '--format', 'json', 'profile.yaml'], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (e) { out = e.stdout; }  // exit 1 (findings) and 2 (invalid) still print the report
  fs.rmSync(dir, { recursive: true, force: true });
  return { yaml, json: out.toString() };
});
const PARTICIPANTS = 50;
const ROUNDS = 10;            // checks per participant: 500 requests in all
const DEADLINE_MS = 60000;    // the whole load test must end within this

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) { passed += 1; console.log(`ok    ${name}`); }
  else { failed += 1; console.log(`FAIL  ${name}${detail ? `: ${detail}` : ''}`); }
}

function post(path, body, headers) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent: false,
      headers: Object.assign({ 'Content-Type': 'application/yaml', 'Content-Length': Buffer.byteLength(body) }, headers || {}) },
    (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.setTimeout(20000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

// Send raw bytes and wait for the server to answer or hang up.
function raw(bytes, waitMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    const s = net.connect(Number(port), '127.0.0.1');
    let data = '';
    s.setTimeout(waitMs, () => { s.destroy(); resolve({ closed: false, data, ms: Date.now() - started }); });
    s.on('data', (d) => { data += d.toString(); });
    s.on('close', () => resolve({ closed: true, data, ms: Date.now() - started }));
    s.on('error', () => {});
    s.write(bytes);
  });
}

// A client that sends its body one byte every 3 s (issue 27): the server
// must drop it at its deadline, however often a byte comes.
function dribble(waitMs) {
  return new Promise((resolve) => {
    const started = Date.now();
    const s = net.connect(Number(port), '127.0.0.1');
    let data = '';
    let timer = null;
    const done = (closed) => { clearInterval(timer); s.destroy(); resolve({ closed, data, ms: Date.now() - started }); };
    s.setTimeout(waitMs, () => done(false));
    s.on('data', (d) => { data += d.toString(); });
    s.on('close', () => done(true));
    s.on('error', () => {});
    s.write('POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n');
    timer = setInterval(() => s.write('a'), 3000);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

(async () => {
  // ---- load
  const latencies = [];
  let wrong = 0;
  let errors = 0;
  const started = Date.now();
  const participant = async (i) => {
    for (let r = 0; r < ROUNDS && Date.now() - started < DEADLINE_MS; r++) {
      const c = cases[(i + r) % cases.length];
      const t = process.hrtime.bigint();
      try {
        const res = await post('/api/check', c.yaml);
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (res.body !== c.json) wrong += 1;
      } catch (e) {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => participant(i)));
  const wall = Date.now() - started;
  latencies.sort((a, b) => a - b);
  const total = PARTICIPANTS * ROUNDS;
  check(`load: ${total} checks by ${PARTICIPANTS} participants at once, all answered`, latencies.length === total && errors === 0,
    `${latencies.length} answered, ${errors} failed`);
  check('load: every answer is the CLI\'s --format json for that profile', wrong === 0, `${wrong} differ`);
  check('load: done within the time limit', wall < DEADLINE_MS, `${wall} ms`);
  const line = `${PARTICIPANTS} participants x ${ROUNDS} checks (${latencies.length} requests) in ${wall} ms: `
    + `median ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms, max ${latencies[latencies.length - 1].toFixed(1)} ms`;
  console.log(`load  ${line}`);
  fs.writeFileSync(reportPath, line + '\n');

  // ---- hostile requests
  let r = await post('/api/check', Buffer.from([0, 1, 2, 0xff, 0xfe, 0x7b]));
  check('not YAML: 422 with the report', r.status === 422 && JSON.parse(r.body).profiles[0].score === null, r.status);
  r = await post('/api/check', 'a'.repeat(2 * 1024 * 1024)).catch((e) => ({ status: String(e) }));
  if (/EPIPE|ECONNRESET/.test(String(r.status))) {
    // The server answered 413 and hung up while the client was still
    // writing: the client's write fails before it reads the answer. Ask
    // again with the same declared length and no body, so the answer can
    // be read.
    const head = await raw(`POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`, 15000);
    r = { status: Number((head.data.match(/^HTTP\/1\.1 (\d+)/) || [])[1]) };
  }
  check('2 MiB body: 413', r.status === 413, r.status);
  r = await post('/api/check', 'photo: {set: true}\n', { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' });
  check('cross-site POST: 403', r.status === 403, r.status);
  r = await post('/api/check', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' });
  check('form-encoded POST: 415', r.status === 415, r.status);
  const half = await Promise.all([
    raw('POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le', 15000),
    raw('POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\nphoto:', 15000),
    raw('', 15000),
  ]);
  for (const [what, h] of [['half-sent head', half[0]], ['half-sent body', half[1]], ['silent connection', half[2]]]) {
    check(`${what}: dropped within 10 s`, h.closed && h.ms < 10000, `${h.closed ? 'closed' : 'still open'} after ${h.ms} ms`);
  }
  check('half-sent body: 408 before hanging up', half[1].data.startsWith('HTTP/1.1 408'), half[1].data.slice(0, 30));
  // 64 dribbling clients at once: each dropped within 12 s, and the page
  // served meanwhile.
  const dribblers = Array.from({ length: 64 }, () => dribble(20000));
  await new Promise((res) => setTimeout(res, 2000));
  const t0 = Date.now();
  const page = await fetch(`http://127.0.0.1:${port}/`).then((x) => x.status).catch(() => 0);
  const pageMs = Date.now() - t0;
  check('64 dribbling bodies: GET / still answers within 1 s', page === 200 && pageMs < 1000, `${page} in ${pageMs} ms`);
  const dropped = await Promise.all(dribblers);
  const slowest = Math.max(...dropped.map((d) => d.ms));
  check('64 dribbling bodies: each dropped within 12 s', dropped.every((d) => d.closed && d.ms < 12000), `slowest ${slowest} ms`);
  check('a dribbled body gets 408', dropped.every((d) => d.data.startsWith('HTTP/1.1 408')), dropped[0].data.slice(0, 30));
  r = await post('/api/check', cases[0].yaml);
  check('the room still answers after all that', r.status === 200 || r.status === 422, r.status);
  check('and answers right', r.body === cases[0].json);

  console.log(`e2e_serve load: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.log(`FAIL  load run: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
