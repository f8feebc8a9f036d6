// The participant's page of the workshop room. Everything it shows comes
// from the server: the form from GET /api/form (built from the format
// description of profilecheck itself), the words from the catalogue, the
// score and advice from POST /api/advice (the lenient check: a wrong answer
// is marked at its field and the rest is scored). The answers are kept in
// this browser's localStorage (this room's address only) and go nowhere
// until the participant shares. No framework, no build step.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const LANG_KEY = 'profilecheck-lang';
  // One participant on this device, in every tab: sharing again updates
  // the same row on the coach's screen.
  const ID_KEY = 'profilecheck-participant';
  const ANSWERS_KEY = 'profilecheck-answers';
  let desc = null;           // the last /api/form answer
  let S = {};                // its strings
  let kept = {};             // parts of a loaded file the form has no field for
  let checkSeq = 0;          // answers to older checks are ignored
  let timer = null;
  let lastScoreText = '';
  let shareNameTouched = false;
  let restoring = false;      // filling the form from storage: do not save back
  let lastTyped = 0;          // when this tab was last typed in

  function stored(key) {
    try { return localStorage.getItem(key); } catch (_) { return null; }
  }
  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);
    } catch (_) { /* private mode: the page still works, without memory */ }
  }

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

  // `?lang=fr` in the address (a link the coach hands out), else the last
  // choice on this device, else the server decides.
  function chosenLang() {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked === 'en' || asked === 'fr') return asked;
    return stored(LANG_KEY);
  }

  function currentLang() { return desc ? desc.lang : 'en'; }

  // ------------------------------------------------------------ the form

  const idOf = (path) => 'f-' + path.replace(/[^a-z0-9]+/gi, '-');


  function scalarInput(f, id) {
    if (f.kind === 'int' || f.kind === 'number') {
      return el('input', {
        type: 'number', id, 'data-kind': f.kind,
        min: f.min === null || f.min === undefined ? null : String(f.min),
        step: f.kind === 'int' ? '1' : 'any',
        inputmode: f.kind === 'int' ? 'numeric' : 'decimal',
      });
    }
    const attrs = { type: 'text', id, 'data-kind': f.kind };
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
    const fs = el('fieldset', { class: 'field choices', id, 'data-kind': f.kind },
      el('legend', { text: f.label }));
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
    return el('div', { class: 'field', id: id + '-field' },
      el('label', { for: id, text: f.label }), scalarInput(f, id));
  }

  // "about.work" -> "about-work": the key of an items list's own words.
  const listKey = (path) => path.replace(/[._]/g, '-');

  function itemsBlock(f) {
    const id = idOf(f.path);
    const fs = el('fieldset', { class: 'field items', id, 'data-path': f.path },
      el('legend', { text: f.label }));
    const list = el('div', { class: 'item-list' });
    const add = el('button', { type: 'button', class: 'add', text: str('page-add-' + listKey(f.path)) });
    add.addEventListener('click', () => { addItem(f, list, {}); list.lastChild.querySelector('input').focus(); changed(); });
    fs.append(list, add);
    return fs;
  }

  let itemCounter = 0;
  function addItem(f, list, values) {
    const base = idOf(f.path) + '-i' + (++itemCounter);
    const item = el('fieldset', { class: 'item' }, el('legend', {}));
    for (const sub of f.items) {
      const sid = base + '-' + sub.key;
      const block = fieldBlock(sub, sid, sid);
      block.dataset.key = sub.key;
      item.append(block);
      setValue(block, sub, values[sub.key]);
    }
    const remove = el('button', { type: 'button', class: 'remove' });
    remove.addEventListener('click', () => {
      item.remove();
      renumber(f, list);
      changed();
    });
    item.append(remove);
    list.append(item);
    renumber(f, list);
  }

  // "Job 2", "Remove job 2": each item named by its place and its list.
  function renumber(f, list) {
    const key = listKey(f.path);
    [...list.children].forEach((item, i) => {
      item.querySelector('legend').textContent = str('page-item-' + key, { n: i + 1 });
      item.querySelector('.remove').textContent = str('page-remove-' + key, { n: i + 1 });
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
    kept = isMap(p) ? JSON.parse(JSON.stringify(p)) : {};
    for (const f of fields()) {
      const v = getPath(kept, f.path);
      if (setValue(blockOf(f.path), f, v) && v !== undefined) deletePath(kept, f.path);
    }
    prune(kept);
    gates();
  }

  // Blank sections (`about:` with nothing under it) are not "outside the
  // form": they hold nothing.
  function prune(obj) {
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      if (isMap(v)) prune(v);
      if (v === null || v === undefined || (isMap(v) && Object.keys(v).length === 0)) delete obj[k];
    }
    return obj;
  }

  function keptSomething() {
    return Object.keys(kept).some((k) => k !== 'version');
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

  function isMap(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

  const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;
  const key = (k) => (plainKey.test(k) ? k : JSON.stringify(k));

  function scalar(v) {
    if (typeof v === 'string') return JSON.stringify(v);
    if (v === null || v === undefined) return 'null';
    return String(v);
  }


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
    return '# ' + str('page-yaml-header') + '\n' + lines(profile(), 0).join('\n') + '\n';
  }

  // ------------------------------------------------------------ memory

  // The answers as they stand, kept in this browser for the next visit.
  function save() {
    if (restoring || !desc) return;
    store(ANSWERS_KEY, JSON.stringify({
      profile: profile(),
      shareName: $('share-name').value,
      shareNameTouched,
    }));
  }

  function restore() {
    let saved = null;
    try { saved = JSON.parse(stored(ANSWERS_KEY) || 'null'); } catch (_) { saved = null; }
    if (!isMap(saved)) return false;
    restoring = true;
    fill(isMap(saved.profile) ? saved.profile : {});
    if (typeof saved.shareName === 'string') $('share-name').value = saved.shareName;
    shareNameTouched = !!saved.shareNameTouched;
    restoring = false;
    return true;
  }

  function participantId() {
    let id = stored(ID_KEY);
    if (!/^[0-9a-f]{32}$/.test(id || '')) {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
      store(ID_KEY, id);
    }
    return id;
  }

  function startOver() {
    if (!window.confirm(str('page-start-over-confirm'))) return;
    store(ANSWERS_KEY, null);
    fill({});
    $('share-name').value = '';
    shareNameTouched = false;
    $('load-status').textContent = str('page-started-over');
    $('share-status').textContent = '';
    changed();
  }

  // ------------------------------------------------------------ checking

  function changed() {
    gates();
    const name = getPath(profile(), 'name');
    if (!shareNameTouched && typeof name === 'string') $('share-name').value = name;
    save();
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  async function post(url, body, type) {
    return fetch(url, { method: 'POST', body, headers: { 'Content-Type': type }, credentials: 'same-origin' });
  }

  async function check() {
    const seq = ++checkSeq;
    $('ring').classList.add('busy');
    let view;
    try {
      const res = await post('/api/advice?lang=' + currentLang(), yaml(), 'application/yaml');
      if (!res.ok) throw new Error(String(res.status));
      view = await res.json();
    } catch (e) {
      if (seq === checkSeq) $('problems').replaceChildren(el('p', { class: 'error', text: str('page-unreachable') }));
      return;
    }
    if (seq !== checkSeq) return;
    $('ring').classList.remove('busy');
    show(view);
  }

  function band(score) {
    if (score === null) return 'none';
    return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'low';
  }

  function showScore(v) {
    const circ = 2 * Math.PI * 52;
    const score = v.score;
    $('ring').setAttribute('class', 'band-' + band(score));
    $('arc').setAttribute('stroke-dasharray', score ? (circ * score / 100).toFixed(2) + ' ' + circ.toFixed(2) : '0 ' + circ.toFixed(2));
    $('ring-num').textContent = score === null ? '?' : String(score);
    $('mini-score').textContent = (score === null ? '?' : String(score)) + '/100';
    $('mini-score').className = 'mini-score band-' + band(score);
    const text = score === null ? str('page-score-none') : str('page-score-label', { score });
    // The live region speaks only when the score itself changes.
    if (text !== lastScoreText) { $('score-text').textContent = text; lastScoreText = text; }
    $('summary').textContent = score === null ? '' : str('page-steps-done', { done: v.steps.done, total: v.steps.total });
  }

  function show(v) {
    showScore(v);
    const problems = $('problems');
    problems.replaceChildren();
    const elsewhere = markFields(v.field_errors);
    if (v.errors.length) {
      problems.append(el('p', { class: 'error', text: str('page-errors') + ' ' + str('page-not-yaml', { line: v.errors[0].line }) }));
    }
    if (elsewhere.length) {
      problems.append(el('ul', { class: 'error' }, ...elsewhere.map((e) => el('li', { text: str('page-field-elsewhere', { line: e.line }) }))));
    }
    const box = $('findings');
    box.replaceChildren();
    if (v.score === null) return;
    box.append(el('h3', { text: str('page-findings') }));
    if (v.groups.every((g) => g.done)) { box.append(el('p', { class: 'done', text: str('page-no-findings') })); }
    for (const g of v.groups) box.append(stepAdvice(g));
  }

  // One step of the guide: its number and title, then its advice (or
  // "step done").
  function stepAdvice(g) {
    const sec = el('section', { class: 'step-advice' + (g.done ? ' is-done' : ''), 'data-step': String(g.step) },
      el('h4', { text: g.title }));
    if (g.done) { sec.append(el('p', { class: 'done', text: str('page-step-done') })); return sec; }
    const list = el('ul', { class: 'findings' });
    for (const a of g.advice) {
      const item = el('li', { class: 'finding sev-' + a.severity, 'data-rule': a.rule, 'data-step': String(g.step) },
        el('h5', {}, el('span', { class: 'sev', text: str('page-severity-' + a.severity) }), ' ', a.title));
      if (a.fix.length) {
        item.append(el('p', { class: 'fix-title', text: str('page-fix') }),
          el('ol', { class: 'fix' }, ...a.fix.map((s) => el('li', { text: s }))));
      }
      if (a.why) item.append(el('details', {}, el('summary', { text: str('page-why') }), el('p', { text: a.why })));
      list.append(item);
    }
    sec.append(list);
    return sec;
  }

  // Where a field error goes: the field of that path, or the field of an
  // item of a list ("about.work[0].position"); null when the form has none.
  function errorTarget(path) {
    const direct = blockOf(path);
    if (direct && !direct.hidden) return direct;
    const m = /^(.+)\[(\d+)\]\.([a-z_]+)$/.exec(path);
    if (!m) return null;
    const items = blockOf(m[1]);
    const item = items && items.querySelectorAll('.item')[Number(m[2])];
    return item ? item.querySelector('[data-key="' + m[3] + '"]') : null;
  }

  // Mark each wrong answer at its field, in words (aria-invalid, the message
  // tied by aria-describedby); returns the errors with no field here.
  function markFields(errors) {
    for (const old of document.querySelectorAll('#steps .field-error')) old.remove();
    for (const input of document.querySelectorAll('#steps [aria-invalid]')) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
    const elsewhere = [];
    for (const e of errors) {
      const block = e.problem === 'unknown' ? null : errorTarget(e.path);
      if (!block) { elsewhere.push(e); continue; }
      const inputs = block.matches('fieldset.choices') ? [...block.querySelectorAll('input')] : [block.querySelector('input')];
      const first = inputs[0];
      if (!first) { elsewhere.push(e); continue; }
      const id = (block.id || first.id) + '-error';
      if (document.getElementById(id)) continue;
      const msg = el('p', { class: 'field-error', id, text: str('page-field-' + e.problem) });
      if (block.matches('fieldset.choices')) block.querySelector('legend').after(msg); else first.after(msg);
      for (const input of inputs) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', id);
      }
    }
    return elsewhere;
  }

  // ------------------------------------------------------------ files

  // "Sophie Bernard" -> "sophie-bernard": downloads are named after the person.
  function fileStem() {
    const name = String(getPath(profile(), 'name') || $('share-name').value || '');
    const stem = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
    return stem || (currentLang() === 'fr' ? 'profil' : 'profile');
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function handout(format, ext) {
    try {
      const res = await post('/api/handout?format=' + format + '&lang=' + currentLang(), yaml(), 'application/yaml');
      if (!res.ok) throw new Error(String(res.status));
      download(fileStem() + '.' + ext, await res.blob());
    } catch (e) {
      $('load-status').textContent = str('page-unreachable');
    }
  }

  async function load(file) {
    const status = $('load-status');
    let text;
    try { text = await file.text(); } catch (e) { status.textContent = str('page-load-failed') + ' ' + str('page-load-unreadable'); return; }
    let res;
    try {
      res = await post('/api/parse?lang=' + currentLang(), text, 'application/yaml');
    } catch (e) { status.textContent = str('page-unreachable'); return; }
    if (res.status === 413) { status.textContent = str('page-load-failed') + ' ' + (await res.text()); return; }
    const answer = await res.json().catch(() => null);
    if (!answer || !answer.profile) {
      const line = answer && answer.errors.length ? answer.errors[0].line : 1;
      status.textContent = str('page-load-failed') + ' ' + str('page-load-not-yaml', { line });
      return;
    }
    fill(answer.profile);
    shareNameTouched = false;
    status.textContent = str('page-loaded', { file: file.name }) + (keptSomething() ? ' ' + str('page-kept') : '');
    changed();
  }

  async function share() {
    const status = $('share-status');
    const name = $('share-name').value.trim();
    if (!name) { status.textContent = str('page-share-need-name'); $('share-name').focus(); return; }
    try {
      const body = JSON.stringify({ id: participantId(), name, yaml: yaml() });
      const res = await post('/api/share?lang=' + currentLang(), body, 'application/json');
      if (!res.ok) { status.textContent = str('page-share-failed') + ' ' + (await res.text()); return; }
      const answer = await res.json();
      if (answer.id !== stored(ID_KEY)) store(ID_KEY, answer.id);
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
    set('saved-note', 'page-saved-note');
    set('start-over', 'page-start-over');
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
    else if (!restore()) gates();
    check();
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = $('profile');
    form.addEventListener('input', (e) => {
      lastTyped = Date.now();
      if (e.target.id === 'load') return;
      if (e.target.id === 'share-name') { shareNameTouched = true; save(); return; }
      changed();
    });
    form.addEventListener('change', (e) => { if (e.target.type === 'radio') changed(); });
    form.addEventListener('submit', (e) => e.preventDefault());
    $('load').addEventListener('change', (e) => { if (e.target.files[0]) load(e.target.files[0]); e.target.value = ''; });
    $('download-yaml').addEventListener('click', () => download(fileStem() + '.yaml', new Blob([yaml()], { type: 'application/yaml' })));
    $('download-html').addEventListener('click', () => handout('html', 'html'));
    $('download-md').addEventListener('click', () => handout('markdown', 'md'));
    $('share').addEventListener('click', share);
    $('start-over').addEventListener('click', startOver);
    for (const b of document.querySelectorAll('[data-lang]')) {
      b.addEventListener('click', () => {
        store(LANG_KEY, b.dataset.lang);
        start(b.dataset.lang);
      });
    }
    // Another tab of this room changed the answers: show them here too,
    // unless this tab is being typed in.
    window.addEventListener('storage', (e) => {
      if (e.key !== ANSWERS_KEY || !desc || Date.now() - lastTyped < 3000) return;
      restore();
      check();
    });
    start(chosenLang()).catch(() => { $('intro').textContent = str('page-unreachable'); });
  });
})();
