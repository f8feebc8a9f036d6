// The participant's page of the workshop room. Everything it shows comes
// from the server: the form from GET /api/form (built from the format
// description of profilecheck itself), the words from the catalogue, the
// score and advice from POST /api/check. No framework, no build step.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const LANG_KEY = 'profilecheck-lang';
  const ID_KEY = 'profilecheck-share-id';
  let desc = null;           // the last /api/form answer
  let S = {};                // its strings
  let kept = {};             // parts of a loaded file the form has no field for
  let checkSeq = 0;          // answers to older checks are ignored
  let timer = null;
  let lastScoreText = '';
  let shareNameTouched = false;

  function str(id, vars) {
    let s = S[id] || id;
    for (const k in vars || {}) s = s.split('{$' + k + '}').join(String(vars[k]));
    return s;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) continue;
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  function chosenLang() {
    try { return localStorage.getItem(LANG_KEY); } catch (_) { return null; }
  }

  function currentLang() { return desc ? desc.lang : 'en'; }

  // ------------------------------------------------------------ the form

  const idOf = (path) => 'f-' + path.replace(/[^a-z0-9]+/gi, '-');

  function helpFor(id, text) {
    return text ? el('p', { class: 'help', id: id + '-help', text }) : null;
  }

  function scalarInput(f, id) {
    if (f.kind === 'int' || f.kind === 'number') {
      return el('input', {
        type: 'number', id, 'data-kind': f.kind,
        min: f.min === null || f.min === undefined ? null : String(f.min),
        step: f.kind === 'int' ? '1' : 'any',
        inputmode: f.kind === 'int' ? 'numeric' : 'decimal',
        'aria-describedby': id + '-help',
      });
    }
    const attrs = { type: 'text', id, 'data-kind': f.kind, 'aria-describedby': id + '-help' };
    if (f.kind === 'list') attrs['aria-describedby'] = id + '-help ' + id + '-hint';
    if (/email/.test(f.path)) { attrs.type = 'email'; attrs.autocomplete = 'email'; }
    if (/url|website/.test(f.path)) attrs.type = 'url';
    return el('input', attrs);
  }

  // Yes / no / not answered, or one of the format's values with its meaning.
  function radioGroup(f, id, name) {
    const options = f.kind === 'bool'
      ? [{ value: 'true', label: str('page-yes') }, { value: 'false', label: str('page-no') }]
      : f.choices.map((c) => ({ value: c.value, label: c.label }));
    options.push({ value: '', label: str('page-unanswered') });
    const fs = el('fieldset', { class: 'field choices', id, 'data-kind': f.kind, 'aria-describedby': id + '-help' },
      el('legend', { text: f.label }), helpFor(id, f.help));
    const list = el('div', { class: 'options' });
    options.forEach((o, i) => {
      const rid = id + '-' + i;
      const input = el('input', { type: 'radio', id: rid, name, value: o.value, checked: o.value === '' });
      list.append(el('div', { class: 'option' }, input, el('label', { for: rid, text: o.label })));
    });
    fs.append(list);
    return fs;
  }

  function fieldBlock(f, id, name) {
    if (f.kind === 'bool' || f.kind === 'choice') return radioGroup(f, id, name);
    const wrap = el('div', { class: 'field', id: id + '-field' },
      el('label', { for: id, text: f.label }), helpFor(id, f.help), scalarInput(f, id));
    if (f.kind === 'list') wrap.append(el('p', { class: 'hint', id: id + '-hint', text: str('page-list-hint') }));
    return wrap;
  }

  function itemsBlock(f) {
    const id = idOf(f.path);
    const fs = el('fieldset', { class: 'field items', id, 'data-path': f.path },
      el('legend', { text: f.label }), helpFor(id, f.help));
    const list = el('div', { class: 'item-list' });
    const add = el('button', { type: 'button', class: 'add', text: str('page-add') + ' · ' + f.label.split(/[,(:]/)[0] });
    add.addEventListener('click', () => { addItem(f, list, {}); list.lastChild.querySelector('input').focus(); changed(); });
    fs.append(list, add);
    return fs;
  }

  let itemCounter = 0;
  function addItem(f, list, values) {
    const n = list.children.length + 1;
    const base = idOf(f.path) + '-i' + (++itemCounter);
    const legend = el('legend', { text: str('page-item', { n }) });
    const item = el('fieldset', { class: 'item' }, legend);
    for (const sub of f.items) {
      const sid = base + '-' + sub.key;
      const block = fieldBlock(sub, sid, sid);
      block.dataset.key = sub.key;
      item.append(block);
      setValue(block, sub, values[sub.key]);
    }
    const remove = el('button', { type: 'button', class: 'remove', text: str('page-remove') + ' · ' + str('page-item', { n }) });
    remove.addEventListener('click', () => {
      item.remove();
      renumber(list);
      changed();
    });
    item.append(remove);
    list.append(item);
  }

  function renumber(list) {
    [...list.children].forEach((item, i) => {
      item.querySelector('legend').textContent = str('page-item', { n: i + 1 });
      item.querySelector('.remove').textContent = str('page-remove') + ' · ' + str('page-item', { n: i + 1 });
    });
  }

  function build() {
    const steps = $('steps');
    steps.replaceChildren();
    desc.steps.forEach((step) => {
      const hid = 'step-' + step.step;
      const sec = el('section', { class: 'step', 'aria-labelledby': hid }, el('h3', { id: hid, text: step.title }));
      for (const f of step.fields) {
        const block = f.kind === 'items' ? itemsBlock(f) : fieldBlock(f, idOf(f.path), idOf(f.path));
        block.dataset.path = f.path;
        sec.append(block);
      }
      steps.append(sec);
    });
  }

  function fields() {
    return desc.steps.flatMap((s) => s.fields);
  }

  function blockOf(path) {
    return document.querySelector('#steps [data-path="' + path + '"]');
  }

  // The value a field holds, typed as the format wants it; undefined when empty.
  function readValue(block, f) {
    if (f.kind === 'bool' || f.kind === 'choice') {
      const checked = block.querySelector('input:checked');
      if (!checked || checked.value === '') return undefined;
      return f.kind === 'bool' ? checked.value === 'true' : checked.value;
    }
    if (f.kind === 'items') {
      const items = [];
      for (const item of block.querySelectorAll('.item')) {
        const obj = {};
        for (const sub of f.items) {
          const v = readValue(item.querySelector('[data-key="' + sub.key + '"]'), sub);
          if (v !== undefined) obj[sub.key] = v;
        }
        if (Object.keys(obj).length) items.push(obj);
      }
      return items.length ? items : undefined;
    }
    const input = block.querySelector('input');
    const raw = input.value.trim();
    if (raw === '') return undefined;
    if (f.kind === 'int' || f.kind === 'number') {
      const x = Number(raw.replace(',', '.'));
      return Number.isFinite(x) ? x : raw;
    }
    if (f.kind === 'list') {
      return raw.split(/[,;]/).flatMap((part) => {
        const words = part.trim().split(/\s+/).filter(Boolean);
        return words.length > 1 && words.every((w) => w.startsWith('#')) ? words : [part.trim()];
      }).filter(Boolean);
    }
    return raw;
  }

  // Put a value from a loaded file in a field; false when it does not fit
  // (it is then kept as it was, for the check to point it out).
  function setValue(block, f, v) {
    if (f.kind === 'bool' || f.kind === 'choice') {
      const want = v === undefined ? '' : f.kind === 'bool' ? (v === true ? 'true' : v === false ? 'false' : null) : v;
      const input = [...block.querySelectorAll('input')].find((i) => i.value === want);
      if (!input) return false;
      input.checked = true;
      return true;
    }
    if (f.kind === 'items') {
      const list = block.querySelector('.item-list');
      list.replaceChildren();
      if (v === undefined) return true;
      if (!Array.isArray(v) || !v.every((x) => x && typeof x === 'object' && !Array.isArray(x))) return false;
      v.forEach((x) => addItem(f, list, x));
      return true;
    }
    const input = block.querySelector('input');
    if (v === undefined) { input.value = ''; return true; }
    if (f.kind === 'list') {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return false;
      input.value = v.join(', ');
      return true;
    }
    if (f.kind === 'int' || f.kind === 'number') {
      if (typeof v !== 'number') return false;
      input.value = String(v);
      return true;
    }
    if (typeof v !== 'string') return false;
    input.value = v;
    return true;
  }

  function getPath(obj, path) {
    let cur = obj;
    for (const k of path.split('.')) {
      if (!cur || typeof cur !== 'object' || Array.isArray(cur) || !(k in cur)) return undefined;
      cur = cur[k];
    }
    return cur;
  }

  function setPath(obj, path, v) {
    const keys = path.split('.');
    let cur = obj;
    for (const k of keys.slice(0, -1)) {
      if (!cur[k] || typeof cur[k] !== 'object' || Array.isArray(cur[k])) cur[k] = {};
      cur = cur[k];
    }
    cur[keys[keys.length - 1]] = v;
  }

  function deletePath(obj, path) {
    const keys = path.split('.');
    const parents = [];
    let cur = obj;
    for (const k of keys.slice(0, -1)) {
      if (!cur || typeof cur !== 'object') return;
      parents.push([cur, k]);
      cur = cur[k];
    }
    if (cur && typeof cur === 'object') delete cur[keys[keys.length - 1]];
    // A mapping left empty by the form taking its keys goes too.
    for (const [p, k] of parents.reverse()) {
      if (p[k] && typeof p[k] === 'object' && !Array.isArray(p[k]) && Object.keys(p[k]).length === 0) delete p[k];
    }
  }

  function profile() {
    const out = JSON.parse(JSON.stringify(kept));
    if (!('version' in out)) out.version = desc.version;
    for (const f of fields()) {
      const v = readValue(blockOf(f.path), f);
      if (v !== undefined) setPath(out, f.path, v);
    }
    return out;
  }

  function fill(p) {
    kept = (p && typeof p === 'object' && !Array.isArray(p)) ? JSON.parse(JSON.stringify(p)) : {};
    for (const f of fields()) {
      const v = getPath(kept, f.path);
      if (setValue(blockOf(f.path), f, v) && v !== undefined) deletePath(kept, f.path);
    }
    gates();
    showKept();
  }

  function showKept() {
    const keys = Object.keys(kept).filter((k) => k !== 'version');
    $('load-status').dataset.kept = keys.join(', ');
  }

  // The interview's conditions: a question only when it makes sense.
  function gates() {
    for (const f of fields()) {
      const block = blockOf(f.path);
      let show = true;
      if (f.unless_no) show = readValue(blockOf(f.unless_no), fieldAt(f.unless_no)) !== false;
      if (f.if_answered) show = readValue(blockOf(f.if_answered), fieldAt(f.if_answered)) !== undefined || readValue(block, f) !== undefined;
      block.hidden = !show;
    }
  }

  function fieldAt(path) { return fields().find((f) => f.path === path); }

  // ------------------------------------------------------------ YAML out

  const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;
  const key = (k) => (plainKey.test(k) ? k : JSON.stringify(k));

  function scalar(v) {
    if (typeof v === 'string') return JSON.stringify(v);
    if (v === null || v === undefined) return 'null';
    return String(v);
  }

  function isMap(v) { return v && typeof v === 'object' && !Array.isArray(v); }

  function lines(v, indent) {
    const pad = ' '.repeat(indent);
    const out = [];
    if (isMap(v)) {
      for (const k of Object.keys(v)) {
        const x = v[k];
        if (isMap(x) && Object.keys(x).length) { out.push(pad + key(k) + ':'); out.push(...lines(x, indent + 2)); }
        else if (Array.isArray(x) && x.length) { out.push(pad + key(k) + ':'); out.push(...lines(x, indent + 2)); }
        else if (isMap(x)) out.push(pad + key(k) + ': {}');
        else if (Array.isArray(x)) out.push(pad + key(k) + ': []');
        else out.push(pad + key(k) + ': ' + scalar(x));
      }
    } else if (Array.isArray(v)) {
      for (const x of v) {
        if ((isMap(x) && Object.keys(x).length) || (Array.isArray(x) && x.length)) {
          const sub = lines(x, indent + 2);
          sub[0] = pad + '- ' + sub[0].slice(indent + 2);
          out.push(...sub);
        } else if (isMap(x)) out.push(pad + '- {}');
        else if (Array.isArray(x)) out.push(pad + '- []');
        else out.push(pad + '- ' + scalar(x));
      }
    }
    return out;
  }

  function yaml() {
    return '# Profile written in the profilecheck workshop room.\n' + lines(profile(), 0).join('\n') + '\n';
  }

  // ------------------------------------------------------------ checking

  function changed() {
    gates();
    const name = getPath(profile(), 'name');
    if (!shareNameTouched && typeof name === 'string') $('share-name').value = name;
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  }

  async function post(url, body, type) {
    return fetch(url, { method: 'POST', body, headers: { 'Content-Type': type }, credentials: 'same-origin' });
  }

  async function check() {
    const seq = ++checkSeq;
    $('ring').classList.add('busy');
    let res;
    let report;
    try {
      res = await post('/api/check?lang=' + currentLang(), yaml(), 'application/yaml');
      if (res.status !== 200 && res.status !== 422) throw new Error(await res.text());
      report = await res.json();
    } catch (e) {
      if (seq === checkSeq) $('problems').replaceChildren(el('p', { class: 'error', text: str('page-unreachable') }));
      return;
    }
    if (seq !== checkSeq) return;
    $('ring').classList.remove('busy');
    show(report.profiles[0]);
  }

  function band(score) {
    if (score === null) return 'none';
    return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'low';
  }

  function show(p) {
    const circ = 2 * Math.PI * 52;
    const arc = $('arc');
    const score = p.score;
    $('ring').setAttribute('class', 'band-' + band(score));
    arc.setAttribute('stroke-dasharray', score ? (circ * score / 100).toFixed(2) + ' ' + circ.toFixed(2) : '0 ' + circ.toFixed(2));
    $('ring-num').textContent = score === null ? '?' : String(score);
    $('mini-score').textContent = (score === null ? '?' : String(score)) + '/100';
    $('mini-score').className = 'mini-score band-' + band(score);
    const text = score === null ? str('page-score-none') : str('page-score-label', { score });
    // The live region speaks only when the score itself changes.
    if (text !== lastScoreText) { $('score-text').textContent = text; lastScoreText = text; }
    const done = p.passed.length;
    const total = done + new Set(p.findings.map((f) => f.rule)).size;
    $('summary').textContent = score === null ? '' : str('page-summary', { done, total });

    const problems = $('problems');
    problems.replaceChildren();
    const listOf = (title, items, cls) => {
      if (!items.length) return;
      problems.append(el('p', { class: cls, text: title }),
        el('ul', { class: cls }, ...items.map((e) => el('li', { text: (e.line ? e.line + ':' + e.column + ' ' : '') + e.message }))));
    };
    listOf(str('page-errors'), p.errors, 'error');
    listOf(str('page-warnings'), p.warnings, 'warning');

    const box = $('findings');
    box.replaceChildren();
    if (score === null) return;
    box.append(el('h3', { text: str('page-findings') }));
    if (!p.findings.length) { box.append(el('p', { class: 'done', text: str('page-no-findings') })); return; }
    const list = el('ol', { class: 'findings' });
    for (const f of p.findings) {
      const rule = desc.rules[f.rule] || { fix: [], why: '' };
      const item = el('li', { class: 'finding sev-' + f.severity },
        el('h4', {}, el('span', { class: 'sev', text: str('page-severity-' + f.severity) }), ' ', f.title),
        el('p', { text: f.message }));
      if (rule.fix.length) {
        item.append(el('p', { class: 'fix-title', text: str('page-fix') }),
          el('ol', { class: 'fix' }, ...rule.fix.map((s) => el('li', { text: s }))));
      }
      if (rule.why) {
        item.append(el('details', {}, el('summary', { text: str('page-why') }), el('p', { text: rule.why })));
      }
      list.append(item);
    }
    box.append(list);
  }

  // ------------------------------------------------------------ files

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function handout(format, name) {
    try {
      const res = await post('/api/handout?format=' + format + '&lang=' + currentLang(), yaml(), 'application/yaml');
      if (!res.ok) throw new Error(await res.text());
      download(name, await res.blob());
    } catch (e) {
      $('load-status').textContent = str('page-unreachable');
    }
  }

  async function load(file) {
    const status = $('load-status');
    let text;
    try { text = await file.text(); } catch (e) { status.textContent = str('page-load-failed') + ' ' + e; return; }
    let res;
    try {
      res = await post('/api/parse?lang=' + currentLang(), text, 'application/yaml');
    } catch (e) { status.textContent = str('page-unreachable'); return; }
    if (res.status === 413) { status.textContent = str('page-load-failed') + ' ' + (await res.text()); return; }
    const answer = await res.json().catch(() => null);
    if (!answer || !answer.profile) {
      const why = answer ? answer.errors.map((e) => e.line + ':' + e.column + ' ' + e.message).join(' ; ') : res.status;
      status.textContent = str('page-load-failed') + ' ' + why;
      return;
    }
    fill(answer.profile);
    shareNameTouched = false;
    const keptKeys = status.dataset.kept;
    status.textContent = str('page-loaded', { file: file.name }) + (keptKeys ? ' ' + str('page-kept') + ' ' + keptKeys : '');
    changed();
  }

  async function share() {
    const status = $('share-status');
    const name = $('share-name').value.trim();
    if (!name) { status.textContent = str('page-share-need-name'); $('share-name').focus(); return; }
    let id = null;
    try { id = sessionStorage.getItem(ID_KEY); } catch (_) { /* private mode */ }
    try {
      const res = await post('/api/share?lang=' + currentLang(), JSON.stringify({ id, name, yaml: yaml() }), 'application/json');
      if (!res.ok) { status.textContent = str('page-share-failed') + ' ' + (await res.text()); return; }
      const answer = await res.json();
      try { sessionStorage.setItem(ID_KEY, answer.id); } catch (_) { /* private mode */ }
      status.textContent = str('page-shared', { score: answer.score === null ? '?' : answer.score });
    } catch (e) {
      status.textContent = str('page-unreachable');
    }
  }

  // ------------------------------------------------------------ words and language

  function words() {
    document.documentElement.lang = desc.lang;
    document.title = str('page-title') + ' — profilecheck';
    const set = (id, key) => { $(id).textContent = str(key); };
    set('title', 'page-title');
    set('intro', 'page-intro');
    set('lang-label', 'page-lang-label');
    set('form-heading', 'page-form-heading');
    set('file-legend', 'page-file-legend');
    set('load-label', 'page-load');
    set('download-yaml', 'page-download-yaml');
    set('download-html', 'page-download-html');
    set('download-md', 'page-download-md');
    set('share-legend', 'page-share-legend');
    set('share-explain', 'page-share-explain');
    set('share-name-label', 'page-share-name');
    set('share', 'page-share');
    set('results-heading', 'page-results-heading');
    for (const b of document.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === desc.lang));
  }

  async function start(lang) {
    const before = desc ? profile() : null;
    const res = await fetch('/api/form' + (lang ? '?lang=' + lang : ''));
    desc = await res.json();
    S = desc.strings;
    lastScoreText = '';
    words();
    build();
    if (before) fill(before);
    else gates();
    check();
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = $('profile');
    form.addEventListener('input', (e) => { if (e.target.id !== 'share-name' && e.target.id !== 'load') changed(); });
    form.addEventListener('change', (e) => { if (e.target.type === 'radio') changed(); });
    form.addEventListener('submit', (e) => e.preventDefault());
    $('share-name').addEventListener('input', () => { shareNameTouched = true; });
    $('load').addEventListener('change', (e) => { if (e.target.files[0]) load(e.target.files[0]); e.target.value = ''; });
    $('download-yaml').addEventListener('click', () => download('profile.yaml', new Blob([yaml()], { type: 'application/yaml' })));
    $('download-html').addEventListener('click', () => handout('html', 'profile-handout.html'));
    $('download-md').addEventListener('click', () => handout('markdown', 'profile-handout.md'));
    $('share').addEventListener('click', share);
    for (const b of document.querySelectorAll('[data-lang]')) {
      b.addEventListener('click', () => {
        try { localStorage.setItem(LANG_KEY, b.dataset.lang); } catch (_) { /* private mode */ }
        start(b.dataset.lang);
      });
    }
    start(chosenLang()).catch(() => { $('intro').textContent = 'The room\'s server cannot be reached.'; });
  });
})();
